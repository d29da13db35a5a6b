package io.jproton;

/**
 * Options for a session, as {@code proton::session_options}.
 *
 * <p>Thread-safety: not thread-safe; a plain value that is copied when used.
 */
public final class SessionOptions {
    private MessagingHandler handler;
    private Integer incomingCapacity;

    /** Empty options. */
    public SessionOptions() {}

    /**
     * @param handler the handler for this session's events
     * @return this
     */
    public SessionOptions handler(MessagingHandler handler) {
        this.handler = handler;
        return this;
    }

    /**
     * @param bytes the session's incoming window in bytes
     * @return this
     */
    public SessionOptions incomingCapacity(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("incoming capacity must be positive, got " + bytes);
        }
        this.incomingCapacity = bytes;
        return this;
    }

    /**
     * @return the handler, or null if unset
     */
    public MessagingHandler handler() { return handler; }
    /**
     * @return the incoming capacity, or null if unset
     */
    public Integer incomingCapacity() { return incomingCapacity; }
}
