package io.jproton;

/**
 * The AMQP {@code ubyte} type (Java has no unsigned byte), as C++ {@code uint8_t}.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 *
 * @param value the value, 0 to 255
 */
public record UByte(int value) {
    /**
     * Checks the range.
     *
     * @param value the value
     */
    public UByte {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("ubyte out of range 0..255: " + value);
        }
    }

    /**
     * @param value 0 to 255
     * @return the ubyte
     */
    public static UByte of(int value) {
        return new UByte(value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
