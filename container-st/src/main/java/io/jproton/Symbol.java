package io.jproton;

/**
 * The AMQP {@code symbol} type: an ASCII name, as {@code proton::symbol}. A Java {@link String}
 * is sent as an AMQP {@code string}; wrap it in a Symbol to send a symbol.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 *
 * @param value the symbol's text
 */
public record Symbol(String value) implements Comparable<Symbol> {
    /**
     * Checks the value.
     *
     * @param value the value
     */
    public Symbol {
        if (value == null) {
            throw new IllegalArgumentException("symbol value must not be null");
        }
    }

    /**
     * @param value the text
     * @return the symbol
     */
    public static Symbol of(String value) {
        return new Symbol(value);
    }

    @Override
    public int compareTo(Symbol o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
