package io.jproton;

/**
 * The AMQP {@code char} type for any Unicode code point, as C++ {@code wchar_t} (a UTF-32 code
 * unit) holds it: U+0000 to U+10FFFF, surrogates excluded.
 *
 * <p>Java type mapping of AMQP char: the decoder returns a {@link Character} for a code point that
 * fits a Java {@code char} (U+0000 to U+FFFF, as before) and a {@code Char} only for code points
 * above U+FFFF; an AMQP array of char decodes as {@code char[]} when every element fits a Java char
 * and as {@code Char[]} otherwise. The encoder accepts both {@link Character} (a surrogate
 * {@code Character} is refused) and {@code Char} (any code point). {@code Char.of('A')} and
 * {@code Character.valueOf('A')} send the same bytes but are not {@code equals}.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 *
 * @param codePoint the Unicode code point, 0 to 0x10FFFF, not a surrogate (0xD800 to 0xDFFF)
 */
public record Char(int codePoint) implements Comparable<Char> {
    /**
     * Checks the code point.
     *
     * @param codePoint the code point
     * @throws IllegalArgumentException if it is above U+10FFFF, negative, or a surrogate
     */
    public Char {
        if (!isValid(codePoint)) {
            throw new IllegalArgumentException("not a Unicode scalar value: 0x" + Integer.toHexString(codePoint));
        }
    }

    /**
     * @param codePoint a Unicode code point, 0 to 0x10FFFF, not a surrogate
     * @return the char
     * @throws IllegalArgumentException if the code point is out of range or a surrogate
     */
    public static Char of(int codePoint) {
        return new Char(codePoint);
    }

    /**
     * @param codePoint any int
     * @return true if it is a code point an AMQP char may hold: 0 to 0x10FFFF, not a surrogate
     */
    public static boolean isValid(int codePoint) {
        return codePoint >= 0 && codePoint <= Character.MAX_CODE_POINT
                && !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
    }

    @Override
    public int compareTo(Char o) {
        return Integer.compare(codePoint, o.codePoint);
    }

    /** @return the character as a one- or two-unit Java string */
    @Override
    public String toString() {
        return Character.toString(codePoint);
    }
}
