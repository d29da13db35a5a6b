package io.jproton;

/**
 * Options for a receiver, as {@code proton::receiver_options}.
 *
 * <p>Thread-safety: not thread-safe; a plain value that is copied when used.
 */
public final class ReceiverOptions extends LinkOptions<ReceiverOptions> {
    private Boolean autoAccept;
    private Integer creditWindow;

    /** Empty options. */
    public ReceiverOptions() {}

    /**
     * @param other options to copy
     */
    public ReceiverOptions(ReceiverOptions other) {
        update(other);
    }

    /**
     * @param other options whose set fields win; may be null
     * @return this
     */
    public ReceiverOptions update(ReceiverOptions other) {
        if (other != null) {
            copyFrom(other);
            if (other.autoAccept != null) autoAccept = other.autoAccept;
            if (other.creditWindow != null) creditWindow = other.creditWindow;
        }
        return this;
    }

    /**
     * @param autoAccept accept each message after {@code onMessage} unless it was settled (default true)
     * @return this
     */
    public ReceiverOptions autoAccept(boolean autoAccept) {
        this.autoAccept = autoAccept;
        return this;
    }

    /**
     * @param window credit kept topped up (default 10); 0 for manual credit with {@link Receiver#addCredit}
     * @return this
     */
    public ReceiverOptions creditWindow(int window) {
        if (window < 0) {
            throw new IllegalArgumentException("credit window must not be negative, got " + window);
        }
        this.creditWindow = window;
        return this;
    }

    /**
     * @return auto-accept, or null if unset
     */
    public Boolean autoAccept() { return autoAccept; }
    /**
     * @return the credit window, or null if unset
     */
    public Integer creditWindow() { return creditWindow; }
}
