package io.jproton.mt.pool;

import io.jproton.ProtonException;

/**
 * A {@link ThreadSafeSender} had no room for another message: {@link SenderPoolOptions#maxInFlight()}
 * messages were in flight (taken and without an outcome yet), at once for
 * {@link ThreadSafeSender#send(io.jproton.Message)}, or for the whole timeout for
 * {@link ThreadSafeSender#send(io.jproton.Message, java.time.Duration)}. The message was not taken:
 * no future exists for it. This is the sender's back-pressure: the peer is slower than the
 * application, or gives no credit.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class SenderFullException extends ProtonException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was full, and for how long it was waited on
     */
    public SenderFullException(String message) {
        super(message);
    }
}
