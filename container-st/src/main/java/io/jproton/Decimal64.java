package io.jproton;

import io.jproton.internal.codec.DecimalBid;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The AMQP {@code decimal64} type, as C++ {@code proton::decimal64}: an IEEE 754-2008 64-bit
 * decimal floating point number in the Binary Integer Decimal (BID) encoding, held as its raw
 * bits. jproton does no decimal arithmetic; it carries the bits and converts them exactly to and
 * from {@link BigDecimal} (16 digits, exponents -398 to 369).
 *
 * <p>{@link #bits()} and {@link #bytes()} are the bits as AMQP sends them, most significant byte
 * first. (Proton C++ keeps a {@code decimal64}'s eight bytes in host order, so on a little-endian
 * host its {@code byte_array} holds these bytes reversed; the wire bytes are the same.)
 *
 * <p>Equality is of the bits, as C++ compares the bytes: {@code 1.0} and {@code 1.00} differ, a
 * NaN equals itself, {@code +0} and {@code -0} differ.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 *
 * @param bits the 64 bits of the BID encoding
 */
public record Decimal64(long bits) {
    private static final DecimalBid FORMAT = DecimalBid.DECIMAL64;

    /**
     * @param bits the 64 bits of the BID encoding
     * @return the decimal
     */
    public static Decimal64 fromBits(long bits) {
        return new Decimal64(bits);
    }

    /**
     * @param bytes exactly 8 bytes, most significant first (the wire order)
     * @return the decimal
     * @throws IllegalArgumentException if there are not 8 bytes
     */
    public static Decimal64 fromBytes(byte[] bytes) {
        if (bytes.length != 8) {
            throw new IllegalArgumentException("a decimal64 has 8 bytes, not " + bytes.length);
        }
        return new Decimal64(new BigInteger(1, bytes).longValue());
    }

    /**
     * The decimal of exactly this value: with the value's own scale if the format can hold it, else
     * with trailing zeros added or dropped ({@code 1.5E+375} becomes {@code 1500000E+369}).
     *
     * @param value a value of at most 16 significant digits, within the exponent range
     * @return the decimal; zero is a positive zero
     * @throws ArithmeticException if the value is not exactly representable
     */
    public static Decimal64 of(BigDecimal value) {
        return new Decimal64(FORMAT.fromBigDecimal(value).longValue());
    }

    /** @return the 8 bytes, most significant first (the wire order); a new array */
    public byte[] bytes() {
        return java.nio.ByteBuffer.allocate(8).putLong(bits).array();
    }

    private BigInteger unsigned() {
        return new BigInteger(1, bytes());
    }

    /** @return true if this is a NaN, quiet or signalling */
    public boolean isNaN() {
        return FORMAT.isNaN(unsigned());
    }

    /** @return true if this is positive or negative infinity */
    public boolean isInfinite() {
        return FORMAT.isInfinite(unsigned());
    }

    /**
     * The exact value. A negative zero gives zero; a non-canonical coefficient (above 9,999,999,999,999,999)
     * gives zero, as IEEE 754 reads it.
     *
     * @return the value, its scale the negated exponent
     * @throws ArithmeticException for NaN and infinity
     */
    public BigDecimal toBigDecimal() {
        return FORMAT.toBigDecimal(unsigned());
    }

    /** @return the exact value as text ({@code -0} keeps its sign), or NaN, Infinity, -Infinity */
    @Override
    public String toString() {
        return FORMAT.toString(unsigned());
    }
}
