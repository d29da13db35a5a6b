package io.jproton.mt.pool;

import io.jproton.ProtonException;

/**
 * No sender of a {@link SenderPool} became free within the borrow timeout: the key had
 * {@link SenderPoolOptions#maxPerKey()} senders borrowed, or the pool {@link SenderPoolOptions#maxTotal()}.
 * The message names the key (without any password), the timeout in milliseconds and the counts.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class PoolExhaustedException extends ProtonException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the key, the timeout and the counts
     */
    public PoolExhaustedException(String message) {
        super(message);
    }
}
