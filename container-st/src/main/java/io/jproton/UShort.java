package io.jproton;

/**
 * The AMQP {@code ushort} type, as C++ {@code uint16_t}.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 *
 * @param value the value, 0 to 65535
 */
public record UShort(int value) {
    /**
     * Checks the range.
     *
     * @param value the value
     */
    public UShort {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("ushort out of range 0..65535: " + value);
        }
    }

    /**
     * @param value 0 to 65535
     * @return the ushort
     */
    public static UShort of(int value) {
        return new UShort(value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
