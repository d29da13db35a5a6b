package io.jproton.internal.codec;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * IEEE 754-2008 decimal interchange formats in the Binary Integer Decimal (BID) encoding, the
 * encoding AMQP 1.0 names for {@code decimal32}, {@code decimal64} and {@code decimal128}: the
 * conversions between their bits (as an unsigned {@link BigInteger}) and {@link BigDecimal}.
 *
 * <p>Layout, most significant bit first: 1 sign bit, a combination field of {@code w + 5} bits,
 * and a trailing significand of {@code t} bits. If the combination field starts with {@code 11}
 * and then {@code 11}, the value is infinite ({@code 11110}) or NaN ({@code 11111}); if it starts
 * with {@code 11} otherwise, the biased exponent is its next {@code w + 2} bits and the
 * coefficient is {@code 100} followed by its last bit and the trailing significand; otherwise
 * the biased exponent is its first {@code w + 2} bits and the coefficient is its last 3 bits
 * followed by the trailing significand. A coefficient above {@code 10^p - 1} is non-canonical and
 * stands for zero, as IEEE 754 says. The value is {@code (-1)^sign × coefficient × 10^(E - bias)}.
 *
 * <p>Stateless; thread-safe.
 */
public enum DecimalBid {
    /** 32 bits: 7 digits, exponent bias 101, exponents -101 to 90. */
    DECIMAL32(32, 6, 7, 101),
    /** 64 bits: 16 digits, exponent bias 398, exponents -398 to 369. */
    DECIMAL64(64, 8, 16, 398),
    /** 128 bits: 34 digits, exponent bias 6176, exponents -6176 to 6111. */
    DECIMAL128(128, 12, 34, 6176);

    private final int width;
    private final int w;
    private final int t;
    private final int digits;
    private final int bias;
    private final int maxBiasedExponent;
    private final BigInteger maxCoefficient;
    private final BigInteger trailingMask;
    private final BigInteger smallCoefficientLimit;

    DecimalBid(int width, int w, int digits, int bias) {
        this.width = width;
        this.w = w;
        this.t = width - w - 6;
        this.digits = digits;
        this.bias = bias;
        this.maxBiasedExponent = 3 * (1 << w) - 1;
        this.maxCoefficient = BigInteger.TEN.pow(digits).subtract(BigInteger.ONE);
        this.trailingMask = BigInteger.ONE.shiftLeft(t).subtract(BigInteger.ONE);
        this.smallCoefficientLimit = BigInteger.ONE.shiftLeft(t + 3);
    }

    private int combination(BigInteger bits) {
        return bits.shiftRight(t).intValue() & ((1 << (w + 5)) - 1);
    }

    /**
     * @param bits the format's bits, unsigned
     * @return true if they are a NaN (quiet or signalling)
     */
    public boolean isNaN(BigInteger bits) {
        return combination(bits) >> w == 0b11111;
    }

    /**
     * @param bits the format's bits, unsigned
     * @return true if they are an infinity
     */
    public boolean isInfinite(BigInteger bits) {
        return combination(bits) >> w == 0b11110;
    }

    /**
     * The exact value of finite bits; a negative zero gives zero (BigDecimal has no sign of zero).
     *
     * @param bits the format's bits, unsigned
     * @return the value, with the encoded exponent as its negated scale
     * @throws ArithmeticException for NaN and infinity
     */
    public BigDecimal toBigDecimal(BigInteger bits) {
        int g = combination(bits);
        if (g >> w == 0b11111 || g >> w == 0b11110) {
            throw new ArithmeticException(name().toLowerCase(java.util.Locale.ROOT) + " "
                    + (g >> w == 0b11111 ? "NaN" : "infinity") + " has no BigDecimal value");
        }
        BigInteger trailing = bits.and(trailingMask);
        int exponent;
        BigInteger coefficient;
        if (g >> (w + 3) == 0b11) {
            exponent = (g >> 1) & ((1 << (w + 2)) - 1);
            coefficient = BigInteger.valueOf(8 | (g & 1)).shiftLeft(t).or(trailing);
        } else {
            exponent = g >> 3;
            coefficient = BigInteger.valueOf(g & 7).shiftLeft(t).or(trailing);
        }
        if (coefficient.compareTo(maxCoefficient) > 0) {
            coefficient = BigInteger.ZERO;
        }
        BigDecimal value = new BigDecimal(coefficient, bias - exponent);
        return bits.testBit(width - 1) ? value.negate() : value;
    }

    /**
     * The bits of a value the format holds exactly: its own exponent (scale) if the format can keep
     * it, else the nearest exponent that keeps the value exact (trailing zeros added or dropped).
     *
     * @param value the value
     * @return the format's bits, unsigned; a zero is a positive zero
     * @throws ArithmeticException if the value needs more digits or a larger or smaller exponent
     *     than the format has
     */
    public BigInteger fromBigDecimal(BigDecimal value) {
        int minExponent = -bias;
        int maxExponent = maxBiasedExponent - bias;
        long wanted = -(long) value.scale();
        BigInteger coefficient;
        long exponent;
        if (value.signum() == 0) {
            coefficient = BigInteger.ZERO;
            exponent = Math.max(minExponent, Math.min(maxExponent, wanted));
        } else {
            BigDecimal stripped = value.stripTrailingZeros();
            long minimalExponent = -(long) stripped.scale();
            int spareDigits = digits - stripped.precision();
            long low = Math.max(minExponent, minimalExponent - Math.max(spareDigits, 0));
            long high = Math.min(maxExponent, minimalExponent);
            if (spareDigits < 0 || low > high) {
                throw new ArithmeticException(value + " is not exactly representable as "
                        + name().toLowerCase(java.util.Locale.ROOT) + " (" + digits + " digits, exponents "
                        + minExponent + " to " + maxExponent + ")");
            }
            exponent = Math.max(low, Math.min(high, wanted));
            coefficient = stripped.unscaledValue().abs().multiply(BigInteger.TEN.pow((int) (minimalExponent - exponent)));
        }
        BigInteger biased = BigInteger.valueOf(exponent + bias);
        BigInteger combination;
        if (coefficient.compareTo(smallCoefficientLimit) < 0) {
            combination = biased.shiftLeft(3).or(coefficient.shiftRight(t));
        } else {
            combination = BigInteger.valueOf(0b11).shiftLeft(w + 3).or(biased.shiftLeft(1))
                    .or(coefficient.shiftRight(t).and(BigInteger.ONE));
        }
        BigInteger bits = combination.shiftLeft(t).or(coefficient.and(trailingMask));
        return value.signum() < 0 ? bits.setBit(width - 1) : bits;
    }

    /**
     * @param bits the format's bits, unsigned
     * @return the exact decimal text, or {@code NaN}, {@code Infinity}, {@code -Infinity}
     */
    public String toString(BigInteger bits) {
        if (isNaN(bits)) {
            return "NaN";
        }
        if (isInfinite(bits)) {
            return bits.testBit(width - 1) ? "-Infinity" : "Infinity";
        }
        String s = toBigDecimal(bits).toString();
        return bits.testBit(width - 1) && !s.startsWith("-") ? "-" + s : s;
    }
}
