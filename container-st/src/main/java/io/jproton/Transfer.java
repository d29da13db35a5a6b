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
     * As C++ {@code transfer::settled()} ({@code pn_delivery_settled}): true once the peer has
     * settled the transfer. A message the sender sent pre-settled is settled by the peer (the
     * sender) on a {@link Delivery} from its arrival. (Before 0.2 jproton's {@code settled()} told
     * this end's settlement; that is {@link #locallySettled()} now.)
     *
     * @return true if the peer has settled the transfer
     */
    boolean settled();

    /**
     * Not in Proton C++: whether this end has settled the transfer ({@link #settle()}, or an
     * outcome on a {@link Delivery}, or a {@link Tracker} sent pre-settled).
     *
     * @return true if this end has settled the transfer
     */
    boolean locallySettled();

    /** Settles the transfer: this side forgets it, as C++ {@code transfer::settle()}. */
    void settle();

    /**
     * As C++ {@code transfer::work_queue()}: the work queue of the transfer's connection (see
     * {@link Endpoint#workQueue()} for when it may be used from another thread).
     *
     * @return the connection's work queue
     */
    @ThreadSafe(always = false)
    WorkQueue workQueue();

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
