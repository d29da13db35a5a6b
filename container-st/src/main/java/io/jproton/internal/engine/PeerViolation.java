package io.jproton.internal.engine;

import io.jproton.ErrorCondition;

/**
 * The peer broke the protocol or a limit of this connection: thrown inside the driver's own
 * processing, caught by it, and answered by closing that connection with {@link #condition}.
 * Never reaches the application. No stack trace (it is an expected outcome of hostile input).
 */
final class PeerViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The condition to close the connection with. */
    final transient ErrorCondition condition;

    /**
     * @param name the AMQP condition, such as {@code amqp:not-allowed}
     * @param description what the peer did
     */
    PeerViolation(String name, String description) {
        super(description, null, false, false);
        this.condition = new ErrorCondition(name, description);
    }
}
