package io.jproton.internal.engine;

import io.jproton.WorkHandle;
import java.time.Duration;

/**
 * What a {@link ConnectionDriver} needs from whoever runs it (a socket on an I/O loop, or an
 * application's own poller): the confinement check, a nudge to flush, wake-ups, and work.
 * The one seam between the driver and scheduling; the single- and multi-threaded containers
 * differ only behind it.
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
