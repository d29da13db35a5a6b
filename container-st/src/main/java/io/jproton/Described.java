package io.jproton;

/**
 * An AMQP described value: a descriptor (a {@link Symbol} or {@link ULong}) and a value.
 *
 * <p>Thread-safety: immutable if its value is; safe to share once built.
 *
 * @param descriptor the descriptor, a Symbol or ULong
 * @param value the described value, any AMQP value
 */
public record Described(Object descriptor, Object value) {
    /**
     * Checks the descriptor.
     *
     * @param descriptor a Symbol or ULong
     * @param value the described value
     */
    public Described {
        if (!(descriptor instanceof Symbol) && !(descriptor instanceof ULong)) {
            throw new IllegalArgumentException("descriptor must be a Symbol or ULong, got "
                    + (descriptor == null ? "null" : descriptor.getClass().getName()));
        }
    }
}
