package io.jproton.examples;

import io.jproton.ULong;

/** Reads a message id as a number, as C++ {@code proton::coerce<int>(msg.id())} does. */
final class Ids {
    private Ids() {}

    static long asLong(Object id) {
        if (id instanceof ULong u) return u.bits();
        if (id instanceof Number n) return n.longValue();
        if (id instanceof String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return Long.MAX_VALUE;
            }
        }
        return Long.MAX_VALUE;
    }
}
