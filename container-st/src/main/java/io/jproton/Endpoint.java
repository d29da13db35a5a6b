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
     * As C++ {@code endpoint::uninitialized()}: true while the local end has not been opened (nor
     * closed). Describes this end only.
     *
     * @return true if the local end is uninitialized
     */
    boolean uninitialized();

    /**
     * As C++ {@code endpoint::active()}: true while the local end is open, whatever the peer's
     * end: after {@code open()} and before {@code close()}. (Before 0.2 jproton's {@code active()}
     * asked for both ends; {@link #closedByPeer()} tells the peer's end.)
     *
     * @return true if the local end is active
     */
    boolean active();

    /**
     * As C++ {@code endpoint::closed()}: true once both ends are closed (or detached), this one and
     * the peer's.
     *
     * @return true if the local and the remote ends are closed
     */
    boolean closed();

    /**
     * The peer's end, which C++ users reach through {@link #error()} and the close callbacks.
     *
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
