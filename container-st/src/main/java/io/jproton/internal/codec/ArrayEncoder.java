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
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a Java array (any but {@code byte[]}, which is binary) as an AMQP array: one element
 * constructor, then the elements without theirs. The constructor comes from the array's
 * component type when that names one AMQP type ({@code int[]}, {@code String[]}, {@code UInt[]},
 * {@code List[]}, ...; a null element is refused). Otherwise ({@code Object[]},
 * {@code Described[]}, {@code int[][]}, ...) it is inferred from the elements, which must all be
 * of one kind: all null (array of null), all of one Java type of the mapping (a {@link Character}
 * and a {@link Char} are both char), all arrays (array of arrays, each with its own element type),
 * all lists, all maps, or all {@link Described} with equal descriptors and values of one kind
 * (array of described). An empty array whose component type names no AMQP type is sent as an
 * empty array of null. Mixed elements are refused with {@link IllegalArgumentException}.
 * Stateless; thread-safe.
 */
final class ArrayEncoder {
    private ArrayEncoder() {}

    /** An array's element constructor: descriptors (outermost first), then a type code. */
    private record Constructor(List<Object> descriptors, int code) {}

    /**
     * Writes size, count, constructor and elements (the 0xf0 code is the caller's).
     *
     * @param depth the array's nesting level
     */
    static void writeBody(GrowableBuffer b, Object array, int depth) {
        AmqpEncoder.nest(depth);
        int n = Array.getLength(array);
        int fixed = codeOf(array.getClass().getComponentType());
        Constructor c = fixed >= 0 ? new Constructor(List.of(), fixed) : infer(array, n);
        int elementDepth = AmqpEncoder.nest(depth + c.descriptors.size());
        int at = b.position();
        b.putInt(0);
        b.putInt(n);
        for (Object d : c.descriptors) {
            b.put((byte) 0x00);
            AmqpEncoder.writeValue(b, d, elementDepth);
        }
        b.put((byte) c.code);
        if (!writePrimitives(b, array)) {
            for (int i = 0; i < n; i++) {
                Object e = Array.get(array, i);
                if (e == null && c.code != 0x40) {
                    throw new IllegalArgumentException("an AMQP array cannot hold null (element " + i + ")");
                }
                for (int k = 0; k < c.descriptors.size(); k++) {
                    e = ((Described) e).value();
                }
                writeElement(b, c.code, e, elementDepth);
            }
        }
        b.putIntAt(at, b.position() - at - 4);
    }

    /** The element type code for a component or element class, or -1 if it names no one AMQP type. */
    private static int codeOf(Class<?> t) {
        if (t == int.class || t == Integer.class) return 0x71;
        if (t == long.class || t == Long.class) return 0x81;
        if (t == short.class || t == Short.class) return 0x61;
        if (t == Byte.class) return 0x51;
        if (t == boolean.class || t == Boolean.class) return 0x56;
        if (t == float.class || t == Float.class) return 0x72;
        if (t == double.class || t == Double.class) return 0x82;
        if (t == char.class || t == Character.class || t == Char.class) return 0x73;
        if (t == Decimal32.class) return 0x74;
        if (t == Decimal64.class) return 0x84;
        if (t == Decimal128.class) return 0x94;
        if (t == String.class) return 0xb1;
        if (t == Symbol.class) return 0xb3;
        if (t == UUID.class) return 0x98;
        if (t == Timestamp.class) return 0x83;
        if (t == UByte.class) return 0x50;
        if (t == UShort.class) return 0x60;
        if (t == UInt.class) return 0x70;
        if (t == ULong.class) return 0x80;
        if (t == byte[].class) return 0xb0;
        if (t.isArray()) return 0xf0;
        if (List.class.isAssignableFrom(t)) return 0xd0;
        if (Map.class.isAssignableFrom(t)) return 0xd1;
        return -1;
    }

    private static Constructor constructorOf(Object e) {
        if (e == null) {
            return new Constructor(List.of(), 0x40);
        }
        if (e instanceof Described d) {
            Constructor inner = constructorOf(d.value());
            List<Object> descriptors = new ArrayList<>(inner.descriptors.size() + 1);
            descriptors.add(d.descriptor());
            descriptors.addAll(inner.descriptors);
            return new Constructor(descriptors, inner.code);
        }
        int code = codeOf(e.getClass());
        if (code < 0) {
            throw new IllegalArgumentException("not an AMQP value type: " + e.getClass().getName());
        }
        return new Constructor(List.of(), code);
    }

    private static Constructor infer(Object array, int n) {
        if (n == 0) {
            return new Constructor(List.of(), 0x40);
        }
        Constructor first = constructorOf(Array.get(array, 0));
        for (int i = 1; i < n; i++) {
            Object e = Array.get(array, i);
            Constructor c = constructorOf(e);
            if (!c.equals(first)) {
                throw new IllegalArgumentException("the elements of an AMQP array must be of one type: element 0 is "
                        + describe(Array.get(array, 0)) + ", element " + i + " is " + describe(e));
            }
        }
        return first;
    }

    private static String describe(Object e) {
        if (e instanceof Described d) {
            return "described by " + d.descriptor() + " " + describe(d.value());
        }
        return io.jproton.Values.typeName(e);
    }

    /** Writes the elements of a primitive Java array without boxing; false if it is no such array. */
    private static boolean writePrimitives(GrowableBuffer b, Object array) {
        if (array instanceof int[] a) {
            for (int x : a) b.putInt(x);
        } else if (array instanceof long[] a) {
            for (long x : a) b.putLong(x);
        } else if (array instanceof double[] a) {
            for (double x : a) b.putDouble(x);
        } else if (array instanceof float[] a) {
            for (float x : a) b.putFloat(x);
        } else if (array instanceof short[] a) {
            for (short x : a) b.putShort(x);
        } else if (array instanceof boolean[] a) {
            for (boolean x : a) b.put(x ? (byte) 1 : (byte) 0);
        } else if (array instanceof char[] a) {
            for (char x : a) b.putInt(AmqpEncoder.codePoint(x));
        } else {
            return false;
        }
        return true;
    }

    private static void writeElement(GrowableBuffer b, int code, Object e, int depth) {
        switch (code) {
            case 0x40 -> { }
            case 0x71 -> b.putInt((Integer) e);
            case 0x81 -> b.putLong((Long) e);
            case 0x61 -> b.putShort((Short) e);
            case 0x51 -> b.put((Byte) e);
            case 0x56 -> b.put((Boolean) e ? (byte) 1 : (byte) 0);
            case 0x72 -> b.putFloat((Float) e);
            case 0x82 -> b.putDouble((Double) e);
            case 0x73 -> b.putInt(e instanceof Char c ? c.codePoint() : AmqpEncoder.codePoint((Character) e));
            case 0x74 -> b.putInt(((Decimal32) e).bits());
            case 0x84 -> b.putLong(((Decimal64) e).bits());
            case 0x94 -> {
                b.putLong(((Decimal128) e).highBits());
                b.putLong(((Decimal128) e).lowBits());
            }
            case 0x98 -> {
                b.putLong(((UUID) e).getMostSignificantBits());
                b.putLong(((UUID) e).getLeastSignificantBits());
            }
            case 0x83 -> b.putLong(((Timestamp) e).millis());
            case 0x50 -> b.put((byte) ((UByte) e).value());
            case 0x60 -> b.putShort((short) ((UShort) e).value());
            case 0x70 -> b.putInt((int) ((UInt) e).value());
            case 0x80 -> b.putLong(((ULong) e).bits());
            default -> writeVariable(b, code, e, depth);
        }
    }

    /** Variable-width elements: a 4-byte size, then the bytes (or the compound's body). */
    private static void writeVariable(GrowableBuffer b, int code, Object e, int depth) {
        switch (code) {
            case 0xb1 -> {
                byte[] utf8 = ((String) e).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                b.putInt(utf8.length);
                b.put(utf8, 0, utf8.length);
            }
            case 0xb3 -> {
                byte[] bytes = AmqpEncoder.symbolBytes(((Symbol) e).value());
                b.putInt(bytes.length);
                b.put(bytes, 0, bytes.length);
            }
            case 0xb0 -> {
                byte[] bytes = (byte[]) e;
                b.putInt(bytes.length);
                b.put(bytes, 0, bytes.length);
            }
            case 0xd0 -> AmqpEncoder.writeListBody(b, (List<?>) e, depth + 1);
            case 0xd1 -> AmqpEncoder.writeMapBody(b, (Map<?, ?>) e, depth + 1);
            case 0xf0 -> writeBody(b, e, depth + 1);
            default -> throw new IllegalStateException("unexpected array element code " + code);
        }
    }
}
