package io.jproton;

/**
 * The AMQP {@code ulong} type, as C++ {@code uint64_t}. The 64 bits are kept as a Java
 * {@code long} and read as unsigned.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 *
 * @param bits the value's 64 bits
 */
public record ULong(long bits) {
    /**
     * @param bits the value's bits, read as unsigned
     * @return the ulong
     */
    public static ULong of(long bits) {
        return new ULong(bits);
    }

    /**
     * @return the value as {@link java.math.BigInteger}, for values above {@code Long.MAX_VALUE}
     */
    public java.math.BigInteger bigValue() {
        return new java.math.BigInteger(Long.toUnsignedString(bits));
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(bits);
    }
}
