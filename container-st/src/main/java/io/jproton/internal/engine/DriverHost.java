package io.jproton.internal.engine;

import io.jproton.WorkHandle;
import java.time.Duration;

/**
 * What a {@link ConnectionDriver} needs from whoever runs it: the confinement check, a nudge to
 * flush, wake-ups, work, and reconnecting. Two hosts exist: {@code SocketConnection} (a socket on
 * a container's I/O loop) and the public {@code ConnectionEngine} (an application's own poller).
 * The driver knows nothing of threads or of which container runs it: the single- and
 * multi-threaded containers differ only behind this interface, in the {@code Confinement} of the
 * loop that a {@code SocketConnection} asks and in the threads that run the loops.
 *
 * <p>Thread-safety: {@link #wake()} is thread-safe; {@link #addWork} and {@link #schedule} are
 * as thread-safe as the host says (a {@code SocketConnection}'s are where its loop's
 * {@code Confinement} makes work-queue calls thread-safe, in the multi-threaded container); the
 * rest is called in the connection's context.
 */
public interface DriverHost {
    /**
     * Throws {@link IllegalStateException} unless the calling thread may touch this connection now.
     *
     * @param what the method being called, for the message
     */
    void checkAccess(String what);

    /** The driver has new events or output: process and flush it soon (before the loop waits). */
    void markDirty();

    /** Thread-safe: arrange a call of {@code onConnectionWake}. */
    void wake();

    /**
     * Adds work to run in the connection's context.
     *
     * @param work the work
     * @return false if the connection has finished
     */
    boolean addWork(Runnable work);

    /**
     * Runs work in the connection's context after a delay.
     *
     * @param delay the delay
     * @param work the work
     * @return a handle to cancel it
     */
    WorkHandle schedule(Duration delay, Runnable work);

    /**
     * The transport was lost with an error. A host that reconnects arranges an attempt (which calls
     * {@link ConnectionDriver#reset()}) and returns true; the closing callbacks then wait.
     *
     * @param error why the transport was lost
     * @return true if a reconnect is under way
     */
    default boolean reconnectAfter(io.jproton.ErrorCondition error) {
        return false;
    }

    /**
     * @return true if a lost transport would be replaced now (reconnect is on and the connection
     *         is not closing): a peer's {@code amqp:connection:forced} close then counts as lost
     */
    default boolean reconnects() {
        return false;
    }

    /**
     * The application updated the connection's options (reconnect and failover settings may have changed).
     *
     * @param options the connection's options now
     */
    default void optionsUpdated(io.jproton.ConnectionOptions options) {
    }

    /**
     * @return the peer's address while a socket is (or was last) connected, or null where there is
     *         no socket (a {@code ConnectionEngine} fed by the application)
     */
    default java.net.InetSocketAddress peerAddress() {
        return null;
    }

    /**
     * @return the local end's address while a socket is (or was last) connected, or null
     */
    default java.net.InetSocketAddress localAddress() {
        return null;
    }

    /**
     * A scratch buffer to encode a message into on the calling thread, shared with whatever else
     * that thread runs (a loop's connections take turns on one thread, so one buffer serves them
     * all); null where the calling thread has none, and the driver uses one of its own.
     *
     * @return the calling thread's scratch buffer, or null
     */
    default io.jproton.internal.codec.GrowableBuffer scratchBuffer() {
        return null;
    }
}
