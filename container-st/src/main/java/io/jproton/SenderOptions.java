package io.jproton;

/**
 * Options for a sender, as {@code proton::sender_options}.
 *
 * <p>Thread-safety: not thread-safe; a plain value that is copied when used.
 */
public final class SenderOptions extends LinkOptions<SenderOptions> {
    private Boolean autoSettle;

    /** Empty options. */
    public SenderOptions() {}

    /**
     * @param other options to copy
     */
    public SenderOptions(SenderOptions other) {
        update(other);
    }

    /**
     * @param other options whose set fields win; may be null
     * @return this
     */
    public SenderOptions update(SenderOptions other) {
        if (other != null) {
            copyFrom(other);
            if (other.autoSettle != null) autoSettle = other.autoSettle;
        }
        return this;
    }

    /**
     * @param autoSettle settle each delivery once the peer settles it (default true)
     * @return this
     */
    public SenderOptions autoSettle(boolean autoSettle) {
        this.autoSettle = autoSettle;
        return this;
    }

    /**
     * @return auto-settle, or null if unset
     */
    public Boolean autoSettle() { return autoSettle; }
}
