package io.jproton.internal.codec;

import io.jproton.Char;
import io.jproton.Decimal128;
import io.jproton.Decimal32;
import io.jproton.Decimal64;
import io.jproton.Described;
import io.jproton.Symbol;
import io.jproton.Timestamp;
import io.jproton.UByte;
import io.jproton.UInt;
import io.jproton.ULong;
import io.jproton.UShort;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes AMQP 1.0 values (the public API's Java types, see {@link io.jproton.Message}) straight
 * into a {@link GrowableBuffer}, with the smallest encodings for small numbers. A value the decoder
 * would refuse is refused here with {@link IllegalArgumentException}: values nested deeper than
 * {@link AmqpDecoder#MAX_DEPTH} levels (or a container that holds itself), a surrogate
 * {@link Character}, a symbol with characters above U+00FF. Stateless; thread-safe.
 */
final class AmqpEncoder {
    private AmqpEncoder() {}

    static void writeValue(GrowableBuffer b, Object v) {
        writeValue(b, v, 0);
    }

    /** @return depth, after checking that the decoder would accept a container that deep */
    static int nest(int depth) {
        if (depth > AmqpDecoder.MAX_DEPTH) {
            throw new IllegalArgumentException("AMQP values nest deeper than " + AmqpDecoder.MAX_DEPTH
                    + " levels (or a container holds itself): a peer would refuse them");
        }
        return depth;
    }

    /**
     * @param depth how many lists, maps, arrays and described values enclose v
     */
    static void writeValue(GrowableBuffer b, Object v, int depth) {
        if (v == null) {
            b.put((byte) 0x40);
        } else if (v instanceof String s) {
            writeString(b, s);
        } else if (v instanceof byte[] bytes) {
            writeBinary(b, bytes);
        } else if (v instanceof Integer i) {
            int x = i;
            if (x >= -128 && x <= 127) {
                b.put((byte) 0x54);
                b.put((byte) x);
            } else {
                b.put((byte) 0x71);
                b.putInt(x);
            }
        } else if (v instanceof Long l) {
            long x = l;
            if (x >= -128 && x <= 127) {
                b.put((byte) 0x55);
                b.put((byte) x);
            } else {
                b.put((byte) 0x81);
                b.putLong(x);
            }
        } else if (v instanceof Boolean bool) {
            b.put(bool ? (byte) 0x41 : (byte) 0x42);
        } else if (v instanceof Map<?, ?> m) {
            writeMap(b, m, depth + 1);
        } else if (v instanceof List<?> l) {
            writeList(b, l, depth + 1);
        } else if (v instanceof Symbol s) {
            writeSymbol(b, s.value());
        } else if (v instanceof Double d) {
            b.put((byte) 0x82);
            b.putDouble(d);
        } else if (v instanceof Float f) {
            b.put((byte) 0x72);
            b.putFloat(f);
        } else if (v instanceof Short s) {
            b.put((byte) 0x61);
            b.putShort(s);
        } else if (v instanceof Byte x) {
            b.put((byte) 0x51);
            b.put(x);
        } else if (v instanceof ULong u) {
            writeULong(b, u.bits());
        } else if (v instanceof UInt u) {
            writeUInt(b, u.value());
        } else if (v instanceof UShort u) {
            b.put((byte) 0x60);
            b.putShort((short) u.value());
        } else if (v instanceof UByte u) {
            b.put((byte) 0x50);
            b.put((byte) u.value());
        } else if (v instanceof Timestamp t) {
            b.put((byte) 0x83);
            b.putLong(t.millis());
        } else if (v instanceof UUID u) {
            b.put((byte) 0x98);
            b.putLong(u.getMostSignificantBits());
            b.putLong(u.getLeastSignificantBits());
        } else if (v instanceof Character c) {
            b.put((byte) 0x73);
            b.putInt(codePoint(c));
        } else if (v instanceof Char c) {
            b.put((byte) 0x73);
            b.putInt(c.codePoint());
        } else if (v instanceof Decimal32 x) {
            b.put((byte) 0x74);
            b.putInt(x.bits());
        } else if (v instanceof Decimal64 x) {
            b.put((byte) 0x84);
            b.putLong(x.bits());
        } else if (v instanceof Decimal128 x) {
            b.put((byte) 0x94);
            b.putLong(x.highBits());
            b.putLong(x.lowBits());
        } else if (v instanceof Described d) {
            b.put((byte) 0x00);
            writeValue(b, d.descriptor(), nest(depth + 1));
            writeValue(b, d.value(), depth + 1);
        } else if (v.getClass().isArray()) {
            b.put((byte) 0xf0);
            ArrayEncoder.writeBody(b, v, depth + 1);
        } else {
            throw new IllegalArgumentException("not an AMQP value type: " + v.getClass().getName());
        }
    }

    /** @return the code point of a Character that is a whole code point (not a surrogate) */
    static int codePoint(Character c) {
        if (Character.isSurrogate(c)) {
            throw new IllegalArgumentException("an AMQP char cannot be a surrogate: U+" + Integer.toHexString(c)
                    + " (use io.jproton.Char for code points above U+FFFF)");
        }
        return c;
    }

    static void writeListBody(GrowableBuffer b, List<?> l, int depth) {
        nest(depth);
        int at = b.position();
        b.putInt(0);
        b.putInt(l.size());
        for (Object o : l) {
            writeValue(b, o, depth);
        }
        b.putIntAt(at, b.position() - at - 4);
    }

    static void writeMapBody(GrowableBuffer b, Map<?, ?> m, int depth) {
        nest(depth);
        int at = b.position();
        b.putInt(0);
        b.putInt(m.size() * 2);
        for (Map.Entry<?, ?> e : m.entrySet()) {
            writeValue(b, e.getKey(), depth);
            writeValue(b, e.getValue(), depth);
        }
        b.putIntAt(at, b.position() - at - 4);
    }

    static void writeULong(GrowableBuffer b, long bits) {
        if (bits == 0) {
            b.put((byte) 0x44);
        } else if (bits > 0 && bits < 256) {
            b.put((byte) 0x53);
            b.put((byte) bits);
        } else {
            b.put((byte) 0x80);
            b.putLong(bits);
        }
    }

    static void writeUInt(GrowableBuffer b, long value) {
        if (value == 0) {
            b.put((byte) 0x43);
        } else if (value < 256) {
            b.put((byte) 0x52);
            b.put((byte) value);
        } else {
            b.put((byte) 0x70);
            b.putInt((int) value);
        }
    }

    static void writeBinary(GrowableBuffer b, byte[] bytes) {
        if (bytes.length < 256) {
            b.put((byte) 0xa0);
            b.put((byte) bytes.length);
        } else {
            b.put((byte) 0xb0);
            b.putInt(bytes.length);
        }
        b.put(bytes, 0, bytes.length);
    }

    /**
     * A symbol's bytes, one per character. AMQP symbols are ASCII; characters up to U+00FF are
     * written as their ISO-8859-1 byte (which is how the decoder reads bytes above 0x7F), anything
     * above is refused.
     */
    static byte[] symbolBytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xff) {
                throw new IllegalArgumentException("an AMQP symbol is ASCII, not \"" + s + "\"");
            }
        }
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static void writeSymbol(GrowableBuffer b, String s) {
        int n = s.length();
        if (n < 256) {
            b.put((byte) 0xa3);
            b.put((byte) n);
        } else {
            b.put((byte) 0xb3);
            b.putInt(n);
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 0xff) {
                symbolBytes(s); // throws
            }
            b.put((byte) c);
        }
    }

    /** Writes a string as UTF-8, without an intermediate byte array; the length is filled in afterwards. */
    static void writeString(GrowableBuffer b, String s) {
        int n = s.length();
        boolean small = n <= 85; // at most 3 bytes per UTF-16 unit: fits a one-byte length
        b.put(small ? (byte) 0xa1 : (byte) 0xb1);
        int lengthAt = b.position();
        b.ensureRemaining((small ? 1 : 4) + 3 * n);
        b.position(lengthAt + (small ? 1 : 4));
        int start = b.position();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b.put((byte) c);
            } else if (c < 0x800) {
                b.put((byte) (0xc0 | (c >> 6)));
                b.put((byte) (0x80 | (c & 0x3f)));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b.put((byte) (0xf0 | (cp >> 18)));
                b.put((byte) (0x80 | ((cp >> 12) & 0x3f)));
                b.put((byte) (0x80 | ((cp >> 6) & 0x3f)));
                b.put((byte) (0x80 | (cp & 0x3f)));
            } else {
                if (Character.isSurrogate(c)) {
                    c = '?'; // a lone surrogate is not valid UTF-8; String.getBytes does the same
                }
                b.put((byte) (0xe0 | (c >> 12)));
                b.put((byte) (0x80 | ((c >> 6) & 0x3f)));
                b.put((byte) (0x80 | (c & 0x3f)));
            }
        }
        int length = b.position() - start;
        if (small) {
            b.putAt(lengthAt, (byte) length);
        } else {
            b.putIntAt(lengthAt, length);
        }
    }

    /** Starts a list32 or map32; returns where its size goes. */
    static int beginCompound(GrowableBuffer b, int code) {
        b.put((byte) code);
        int at = b.position();
        b.putInt(0);
        b.putInt(0);
        return at;
    }

    /** Fills in the size and element count of a compound started with {@link #beginCompound}. */
    static void endCompound(GrowableBuffer b, int at, int count) {
        b.putIntAt(at, b.position() - at - 4);
        b.putIntAt(at + 4, count);
    }

    static void writeList(GrowableBuffer b, List<?> l) {
        writeList(b, l, 1);
    }

    private static void writeList(GrowableBuffer b, List<?> l, int depth) {
        nest(depth);
        if (l.isEmpty()) {
            b.put((byte) 0x45);
            return;
        }
        b.put((byte) 0xd0);
        writeListBody(b, l, depth);
    }

    static void writeMap(GrowableBuffer b, Map<?, ?> m) {
        writeMap(b, m, 1);
    }

    private static void writeMap(GrowableBuffer b, Map<?, ?> m, int depth) {
        b.put((byte) 0xd1);
        writeMapBody(b, m, depth);
    }

    /**
     * Writes an annotations map (message and delivery annotations, footer): a String key is sent as
     * the symbol of its text, as Proton C++ sends a string {@code annotation_key}; any other key
     * (Symbol, ULong, or another AMQP value a peer sent) as itself.
     */
    static void writeAnnotations(GrowableBuffer b, Map<?, ?> m) {
        int at = beginCompound(b, 0xd1);
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object k = e.getKey();
            if (k instanceof String s) {
                writeSymbol(b, s);
            } else {
                writeValue(b, k, 1);
            }
            writeValue(b, e.getValue(), 1);
        }
        endCompound(b, at, m.size() * 2);
    }
}
