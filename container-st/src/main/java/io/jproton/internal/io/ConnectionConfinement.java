package io.jproton.internal.io;

/**
 * {@link Confinement#CONNECTION}: the multi-threaded container's model. A connection's objects
 * may be touched only in that connection's own context: its callbacks and the work of its work
 * queue, which its loop's thread runs one at a time. Container calls, work queues and
 * {@code Listener.stop} are thread-safe.
 *
 * <p>Thread-safety: stateless, thread-safe.
 */
final class ConnectionConfinement implements Confinement {
    @Override
    public boolean admits(EventLoop loop, Object owner) {
        return loop.inLoop() && loop.currentOwner() == owner;
    }

    @Override
    public boolean mayRunInline(EventLoop loop) {
        return loop.inLoop();
    }

    @Override
    public boolean freesUnrunConnections() {
        return true;
    }

    @Override
    public boolean threadSafeCalls() {
        return true;
    }

    @Override
    public IllegalStateException refusal(String what, EventLoop loop, Object owner, String remedy) {
        Object current = loop.currentOwner();
        return new IllegalStateException(what + " called from thread '" + Thread.currentThread().getName()
                + "', outside the context of " + owner
                + (loop.inLoop() ? " (in the context of " + (current == null ? "the container" : current) + ")" : "")
                + ": " + remedy);
    }
}
