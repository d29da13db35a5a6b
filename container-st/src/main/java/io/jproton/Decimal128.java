package io.jproton;

import io.jproton.internal.codec.DecimalBid;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * The AMQP {@code decimal128} type, as C++ {@code proton::decimal128}: an IEEE 754-2008 128-bit
 * decimal floating point number in the Binary Integer Decimal (BID) encoding, held as its raw
 * bits. jproton does no decimal arithmetic; it carries the bits and converts them exactly to and
 * from {@link BigDecimal} (34 digits, exponents -6176 to 6111).
 *
 * <p>{@link #bytes()} are the 16 bytes as AMQP sends them, most significant first, the same order
 * as C++ {@code proton::decimal128}'s {@code byte_array<16>}; {@link #highBits()} holds the first
 * 8 of them, {@link #lowBits()} the last 8.
 *
 * <p>Equality is of the bits, as C++ compares the bytes: {@code 1.0} and {@code 1.00} differ, a
 * NaN equals itself, {@code +0} and {@code -0} differ.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 *
 * @param highBits the most significant 64 bits (sign, combination field, start of the significand)
 * @param lowBits the least significant 64 bits
 */
public record Decimal128(long highBits, long lowBits) {
    private static final DecimalBid FORMAT = DecimalBid.DECIMAL128;

    /**
     * @param bytes exactly 16 bytes, most significant first (the wire order)
     * @return the decimal
     * @throws IllegalArgumentException if there are not 16 bytes
     */
    public static Decimal128 fromBytes(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("a decimal128 has 16 bytes, not " + bytes.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new Decimal128(b.getLong(), b.getLong());
    }

    /**
     * The decimal of exactly this value: with the value's own scale if the format can hold it, else
     * with trailing zeros added or dropped.
     *
     * @param value a value of at most 34 significant digits, within the exponent range
     * @return the decimal; zero is a positive zero
     * @throws ArithmeticException if the value is not exactly representable
     */
    public static Decimal128 of(BigDecimal value) {
        BigInteger bits = FORMAT.fromBigDecimal(value);
        return new Decimal128(bits.shiftRight(64).longValue(), bits.longValue());
    }

    /** @return the 16 bytes, most significant first (the wire order); a new array */
    public byte[] bytes() {
        return ByteBuffer.allocate(16).putLong(highBits).putLong(lowBits).array();
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
     * The exact value. A negative zero gives zero; a non-canonical coefficient (above 34 nines,
     * which includes every coefficient of the {@code 11} combination form) gives zero, as IEEE 754
     * reads it.
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
