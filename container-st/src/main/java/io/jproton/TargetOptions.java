package io.jproton;

/**
 * Options for a link's target terminus, as {@code proton::target_options}.
 *
 * <p>Thread-safety: not thread-safe; a plain value that is copied when used.
 */
public final class TargetOptions extends TerminusOptions<TargetOptions> {
    /** Empty options. */
    public TargetOptions() {}

    /**
     * @param other options to copy
     */
    public TargetOptions(TargetOptions other) {
        super(other);
    }
}
