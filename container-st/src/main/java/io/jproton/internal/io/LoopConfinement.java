package io.jproton.internal.io;

/**
 * {@link Confinement#LOOP}: the single-threaded container's model. Whoever runs the loop owns
 * everything on it; before a thread runs it (setting up connections before {@code run()}), every
 * thread does. No call is thread-safe but {@code Connection.wake()}.
 *
 * <p>Thread-safety: stateless, thread-safe.
 */
final class LoopConfinement implements Confinement {
    @Override
    public boolean admits(EventLoop loop, Object owner) {
        Thread t = loop.thread();
        return t == null || t == Thread.currentThread();
    }

    @Override
    public boolean mayRunInline(EventLoop loop) {
        return admits(loop, null);
    }

    @Override
    public boolean freesUnrunConnections() {
        return false;
    }

    @Override
    public boolean threadSafeCalls() {
        return false;
    }
}
