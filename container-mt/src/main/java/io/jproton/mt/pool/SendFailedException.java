package io.jproton.mt.pool;

import io.jproton.ErrorCondition;
import io.jproton.ProtonException;

/**
 * A message sent through a {@link ThreadSafeSender} has no outcome and never will: its connection
 * was lost or closed, the peer closed the link, or the sender was closed before the peer settled
 * it. The futures of {@code send} complete exceptionally with it; {@link SenderPool#borrow} throws
 * it when a new sender cannot be opened.
 *
 * <p>{@link #mayHaveArrived()} tells the two cases of at-least-once delivery apart: a message that
 * was written to the connection and lost before the peer settled it may have arrived (send it
 * again if it must arrive, and expect a duplicate); one that was never written did not.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class SendFailedException extends ProtonException {
    private static final long serialVersionUID = 1L;
    /** Whether the message was written to the connection before it was lost. */
    private final boolean mayHaveArrived;

    /**
     * @param condition what went wrong: the connection's or link's error where there is one (such as
     *        {@code proton:io}, {@code amqp:connection:forced}, {@code amqp:not-found}), with a
     *        description of what happened to the message
     * @param mayHaveArrived true if the message was written to the connection before it was lost
     */
    public SendFailedException(ErrorCondition condition, boolean mayHaveArrived) {
        super(condition);
        this.mayHaveArrived = mayHaveArrived;
    }

    /**
     * @return true if the message was written to the connection and the peer may have it (it was
     *         lost before the peer settled it); false if it was never written
     */
    public boolean mayHaveArrived() {
        return mayHaveArrived;
    }
}
