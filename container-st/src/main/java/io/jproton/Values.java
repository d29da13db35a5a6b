package io.jproton;

import io.jproton.internal.codec.ValueFormat;

/**
 * Helpers for AMQP values held as plain Java objects (see {@link Message} for the type mapping).
 *
 * <p>Thread-safety: stateless; thread-safe.
 */
public final class Values {
    private Values() {}

    /**
     * Formats a value the way Proton C++'s {@code std::ostream << proton::value} does: a top-level
     * string prints bare, strings inside containers are quoted, a map prints as {@code {"sequence"=1}}.
     *
     * @param value any AMQP value
     * @return its text
     */
    public static String format(Object value) {
        return ValueFormat.format(value);
    }

    /**
     * @param a a value @param b a value
     * @return true if equal, comparing {@code byte[]} by content and containers deeply, with AMQP types kept
     */
    public static boolean equal(Object a, Object b) {
        return ValueFormat.valueEquals(a, b);
    }
}
