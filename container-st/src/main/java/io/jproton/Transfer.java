package io.jproton;

/**
 * The common part of a {@link Delivery} (a message received) and a {@link Tracker} (a message
 * sent), as {@code proton::transfer}.
 *
 * <p>Thread-safety: confined to its connection's context; see {@link Endpoint}.
 */
public interface Transfer {
    /** The delivery state: the outcome the peer or we decided for the message. */
    enum State {
        /** No state yet. */
        NONE,
        /** Partly received. */
        RECEIVED,
        /** Accepted: processed successfully. */
        ACCEPTED,
        /** Rejected: invalid, and will not be processed. */
        REJECTED,
        /** Released: not processed; may be redelivered. */
        RELEASED,
        /** Modified: not processed; may be redelivered with changed annotations. */
        MODIFIED
    }

    /**
     * @return the state the peer last sent for this transfer
     */
    State state();

    /**
     * @return true once this side has settled the transfer
     */
    boolean settled();

    /** Settles the transfer: this side forgets it. */
    void settle();

    /**
     * @return the connection
     */
    Connection connection();

    /**
     * @return the session
     */
    Session session();

    /**
     * @return the container
     */
    Container container();
}
