package io.jproton;

/**
 * The AMQP {@code uint} type, as C++ {@code uint32_t}.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 *
 * @param value the value, 0 to 4294967295
 */
public record UInt(long value) {
    /**
     * Checks the range.
     *
     * @param value the value
     */
    public UInt {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("uint out of range 0..4294967295: " + value);
        }
    }

    /**
     * @param value 0 to 4294967295
     * @return the uint
     */
    public static UInt of(long value) {
        return new UInt(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
