package io.jproton;

/**
 * A value does not have the type asked for, as {@code proton::conversion_error}; thrown by
 * {@link Values#get(Object, Class)} and {@link Values#coerce(Object, Class)}.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class ConversionException extends ProtonException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was wanted and what was found
     */
    public ConversionException(String message) {
        super(message);
    }
}
