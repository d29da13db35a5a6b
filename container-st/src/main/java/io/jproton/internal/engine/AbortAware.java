package io.jproton.internal.engine;

/**
 * A connection handler of jproton's own (never the application's: the public API has no such
 * callback, as Proton C++ has none) that must learn when its connection is dropped without any
 * callback: after a callback threw, the container stops and drops every connection at once. The
 * thread-safe sender uses it to fail the futures of messages that would otherwise never complete.
 *
 * <p>Thread-safety: called on the thread that drops the connection, which runs no callback of
 * that connection at the same time.
 */
public interface AbortAware {
    /** The connection was dropped without callbacks; none will follow. Must not throw. */
    void connectionAborted();
}
