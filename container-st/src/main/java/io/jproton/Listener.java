package io.jproton;

/**
 * A listening socket that accepts incoming connections, as {@code proton::listener}.
 *
 * <p>Thread-safety: {@link #port()} may be called from any thread once {@code listen} has
 * returned; {@link #stop()} is confined like other container calls (thread-safe in the
 * multi-threaded container).
 */
public interface Listener {
    /**
     * @return the bound port (the real one when listening on port 0)
     */
    @ThreadSafe
    int port();

    /** Stops listening; connections already accepted go on. */
    @ThreadSafe(always = false)
    void stop();

    /**
     * @return the container
     */
    Container container();
}
