package io.jproton;

/**
 * Common to connections, sessions and links, as {@code proton::endpoint}.
 *
 * <p>Thread-safety: confined. Call only from a callback of this endpoint's connection, from its
 * {@link WorkQueue}, or (single-threaded container) from a thread holding the container's external
 * lock; any other call throws {@link IllegalStateException}.
 */
public interface Endpoint {
    /**
     * @return the error the peer closed this endpoint with, or null
     */
    ErrorCondition error();

    /**
     * @return true once this endpoint is open locally and remotely and not yet closing
     */
    boolean active();

    /**
     * @return true once the peer has closed (or detached) this endpoint
     */
    boolean closedByPeer();

    /** Closes this endpoint. */
    void close();

    /**
     * Closes this endpoint with an error.
     *
     * @param condition the error to send to the peer
     */
    void close(ErrorCondition condition);

    /**
     * @return the container
     */
    Container container();

    /**
     * @return the connection this endpoint belongs to (a connection returns itself)
     */
    Connection connection();

    /**
     * The connection's work queue. Getting it is as safe as using it: from any thread in the
     * multi-threaded container (so another thread may keep it and add work), confined in the
     * single-threaded one.
     *
     * @return the connection's work queue
     */
    @ThreadSafe(always = false)
    WorkQueue workQueue();
}
