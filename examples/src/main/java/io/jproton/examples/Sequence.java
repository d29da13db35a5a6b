package io.jproton.examples;

import io.jproton.Message;
import io.jproton.ULong;
import java.util.LinkedHashMap;
import java.util.Map;

/** The numbered messages of the send/receive examples: body {@code {"sequence"=N}} and id N, as in C++. */
final class Sequence {
    private Sequence() {}

    static Message message(int n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sequence", n);
        Message msg = new Message(body);
        msg.id(n);
        return msg;
    }

    /** Reads a message id as a number, as C++ {@code proton::coerce<int>(msg.id())} does. */
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
