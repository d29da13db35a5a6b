package io.jproton.internal.codec;

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
 * Writes AMQP 1.0 values (the public API's Java types) straight into a {@link GrowableBuffer},
 * with the smallest encodings for small numbers. Stateless; thread-safe.
 */
final class AmqpEncoder {
    private AmqpEncoder() {}

    static void writeValue(GrowableBuffer b, Object v) {
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
            writeMap(b, m);
        } else if (v instanceof List<?> l) {
            writeList(b, l);
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
            b.putInt(c);
        } else if (v instanceof Described d) {
            b.put((byte) 0x00);
            writeValue(b, d.descriptor());
            writeValue(b, d.value());
        } else if (v.getClass().isArray()) {
            writeArray(b, v);
        } else {
            throw new IllegalArgumentException("not an AMQP value type: " + v.getClass().getName());
        }
    }

    /**
     * Writes a Java array (any but {@code byte[]}, which is binary) as an AMQP array: one element
     * type, from the array's component type, and elements without constructors.
     */
    static void writeArray(GrowableBuffer b, Object array) {
        int n = java.lang.reflect.Array.getLength(array);
        int code = arrayElementCode(array.getClass().getComponentType());
        int at = beginCompound(b, 0xf0);
        b.put((byte) code);
        for (int i = 0; i < n; i++) {
            Object e = java.lang.reflect.Array.get(array, i);
            if (e == null) {
                throw new IllegalArgumentException("an AMQP array cannot hold null (element " + i + ")");
            }
            writeArrayElement(b, code, e);
        }
        endCompound(b, at, n);
    }

    private static int arrayElementCode(Class<?> t) {
        if (t == int.class || t == Integer.class) return 0x71;
        if (t == long.class || t == Long.class) return 0x81;
        if (t == short.class || t == Short.class) return 0x61;
        if (t == Byte.class) return 0x51;
        if (t == boolean.class || t == Boolean.class) return 0x56;
        if (t == float.class || t == Float.class) return 0x72;
        if (t == double.class || t == Double.class) return 0x82;
        if (t == char.class || t == Character.class) return 0x73;
        if (t == String.class) return 0xb1;
        if (t == Symbol.class) return 0xb3;
        if (t == UUID.class) return 0x98;
        if (t == Timestamp.class) return 0x83;
        if (t == UByte.class) return 0x50;
        if (t == UShort.class) return 0x60;
        if (t == UInt.class) return 0x70;
        if (t == ULong.class) return 0x80;
        if (t == byte[].class) return 0xb0;
        if (List.class.isAssignableFrom(t)) return 0xd0;
        if (Map.class.isAssignableFrom(t)) return 0xd1;
        throw new IllegalArgumentException("no AMQP array of " + t.getName() + ": use a List for mixed values");
    }

    private static void writeArrayElement(GrowableBuffer b, int code, Object e) {
        switch (code) {
            case 0x71 -> b.putInt((Integer) e);
            case 0x81 -> b.putLong((Long) e);
            case 0x61 -> b.putShort((Short) e);
            case 0x51 -> b.put((Byte) e);
            case 0x56 -> b.put((Boolean) e ? (byte) 1 : (byte) 0);
            case 0x72 -> b.putFloat((Float) e);
            case 0x82 -> b.putDouble((Double) e);
            case 0x73 -> b.putInt((Character) e);
            case 0x98 -> {
                b.putLong(((UUID) e).getMostSignificantBits());
                b.putLong(((UUID) e).getLeastSignificantBits());
            }
            case 0x83 -> b.putLong(((Timestamp) e).millis());
            case 0x50 -> b.put((byte) ((UByte) e).value());
            case 0x60 -> b.putShort((short) ((UShort) e).value());
            case 0x70 -> b.putInt((int) ((UInt) e).value());
            case 0x80 -> b.putLong(((ULong) e).bits());
            default -> {
                // variable-width elements: a 4-byte size, then the bytes (or the compound's body)
                switch (code) {
                    case 0xb1 -> {
                        byte[] utf8 = ((String) e).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        b.putInt(utf8.length);
                        b.put(utf8, 0, utf8.length);
                    }
                    case 0xb3 -> {
                        String s = ((Symbol) e).value();
                        b.putInt(s.length());
                        for (int i = 0; i < s.length(); i++) {
                            b.put((byte) s.charAt(i));
                        }
                    }
                    case 0xb0 -> {
                        byte[] bytes = (byte[]) e;
                        b.putInt(bytes.length);
                        b.put(bytes, 0, bytes.length);
                    }
                    case 0xd0 -> writeListBody(b, (List<?>) e);
                    case 0xd1 -> writeMapBody(b, (Map<?, ?>) e);
                    default -> throw new IllegalStateException("unexpected array element code " + code);
                }
            }
        }
    }

    private static void writeListBody(GrowableBuffer b, List<?> l) {
        int at = b.position();
        b.putInt(0);
        b.putInt(0);
        for (Object o : l) {
            writeValue(b, o);
        }
        b.putIntAt(at, b.position() - at - 4);
        b.putIntAt(at + 4, l.size());
    }

    private static void writeMapBody(GrowableBuffer b, Map<?, ?> m) {
        int at = b.position();
        b.putInt(0);
        b.putInt(0);
        for (Map.Entry<?, ?> e : m.entrySet()) {
            writeValue(b, e.getKey());
            writeValue(b, e.getValue());
        }
        b.putIntAt(at, b.position() - at - 4);
        b.putIntAt(at + 4, m.size() * 2);
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
            b.put((byte) s.charAt(i));
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
        if (l.isEmpty()) {
            b.put((byte) 0x45);
            return;
        }
        int at = beginCompound(b, 0xd0);
        for (Object o : l) {
            writeValue(b, o);
        }
        endCompound(b, at, l.size());
    }

    static void writeMap(GrowableBuffer b, Map<?, ?> m) {
        int at = beginCompound(b, 0xd1);
        for (Map.Entry<?, ?> e : m.entrySet()) {
            writeValue(b, e.getKey());
            writeValue(b, e.getValue());
        }
        endCompound(b, at, m.size() * 2);
    }

    /** Writes a map whose String or Symbol keys are sent as symbols (annotations, footer). */
    static void writeSymbolKeyedMap(GrowableBuffer b, Map<?, ?> m) {
        int at = beginCompound(b, 0xd1);
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object k = e.getKey();
            if (k instanceof Symbol s) {
                writeSymbol(b, s.value());
            } else if (k instanceof String s) {
                writeSymbol(b, s);
            } else if (k instanceof ULong u) {
                writeULong(b, u.bits());
            } else {
                throw new IllegalArgumentException("annotation keys must be Symbol, String or ULong, got " + k);
            }
            writeValue(b, e.getValue());
        }
        endCompound(b, at, m.size() * 2);
    }
}
