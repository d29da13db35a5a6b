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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Reads AMQP arrays into Java arrays of the element type: {@code boolean[]}, {@code short[]},
 * {@code int[]}, {@code long[]}, {@code float[]}, {@code double[]}, {@code char[]} (or
 * {@code Char[]} if an element is above U+FFFF), {@code Byte[]}, {@code UByte[]}, {@code UShort[]},
 * {@code UInt[]}, {@code ULong[]}, {@code Decimal32[]}, {@code Decimal64[]}, {@code Decimal128[]},
 * {@code Timestamp[]}, {@code UUID[]}, {@code byte[][]} (binary), {@code String[]},
 * {@code Symbol[]}, and {@code Object[]} for arrays of null, lists, maps, arrays and described
 * values (each element a {@link Described} with the array's descriptor). Counts are checked against
 * the bytes (and, for zero-width elements, against the decoder's element budget) before the Java
 * array is allocated. Stateless; thread-safe.
 */
final class ArrayDecoder {
    private ArrayDecoder() {}

    static Object array(AmqpDecoder d, boolean wide) {
        int outerEnd = d.end();
        int count = d.beginCompound(wide, "an array");
        List<Object> descriptors = null;
        int code = d.u8();
        while (code == 0x00) {
            d.enter();
            Object descriptor = d.readValue();
            if (!(descriptor instanceof Symbol) && !(descriptor instanceof ULong)) {
                throw d.malformed("an array's descriptor must be a symbol or ulong, not " + io.jproton.Values.typeName(descriptor));
            }
            if (descriptors == null) {
                descriptors = new ArrayList<>(1);
            }
            descriptors.add(descriptor);
            code = d.u8();
        }
        Object out = elements(d, code, count);
        if (descriptors != null) {
            out = describe(out, descriptors);
            for (int i = 0; i < descriptors.size(); i++) {
                d.leave();
            }
        }
        d.endCompound(outerEnd, "an array");
        return out;
    }

    private static Object[] describe(Object elements, List<Object> descriptors) {
        int n = java.lang.reflect.Array.getLength(elements);
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            Object v = java.lang.reflect.Array.get(elements, i);
            for (int k = descriptors.size() - 1; k >= 0; k--) {
                v = new Described(descriptors.get(k), v);
            }
            out[i] = v;
        }
        return out;
    }

    /** @return the fewest bytes an element of this constructor takes, or -1 if it is no element constructor */
    static int minWidth(int code) {
        return switch (code) {
            case 0x40, 0x41, 0x42, 0x43, 0x44, 0x45 -> 0;
            case 0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0xa0, 0xa1, 0xa3 -> 1;
            case 0x60, 0x61, 0xc0, 0xc1 -> 2;
            case 0xe0 -> 3;
            case 0x70, 0x71, 0x72, 0x73, 0x74, 0xb0, 0xb1, 0xb3 -> 4;
            case 0x80, 0x81, 0x82, 0x83, 0x84, 0xd0, 0xd1 -> 8;
            case 0xf0 -> 9;
            case 0x94, 0x98 -> 16;
            default -> -1;
        };
    }

    private static Object elements(AmqpDecoder d, int code, int count) {
        int width = minWidth(code);
        if (width < 0) {
            throw d.malformed("unknown array element type code 0x" + Integer.toHexString(code));
        }
        d.needElements(count, width, "an array");
        switch (code) {
            case 0x40:
                return new Object[count];
            case 0x41: case 0x42: {
                boolean[] a = new boolean[count];
                Arrays.fill(a, code == 0x41);
                return a;
            }
            case 0x56: {
                boolean[] a = new boolean[count];
                for (int i = 0; i < count; i++) a[i] = d.u8() != 0;
                return a;
            }
            case 0x61: {
                short[] a = new short[count];
                for (int i = 0; i < count; i++) a[i] = d.i16();
                return a;
            }
            case 0x71: case 0x54: {
                int[] a = new int[count];
                for (int i = 0; i < count; i++) a[i] = code == 0x71 ? d.i32() : (byte) d.u8();
                return a;
            }
            case 0x81: case 0x55: {
                long[] a = new long[count];
                for (int i = 0; i < count; i++) a[i] = code == 0x81 ? d.i64() : (byte) d.u8();
                return a;
            }
            case 0x72: {
                float[] a = new float[count];
                for (int i = 0; i < count; i++) a[i] = Float.intBitsToFloat(d.i32());
                return a;
            }
            case 0x82: {
                double[] a = new double[count];
                for (int i = 0; i < count; i++) a[i] = Double.longBitsToDouble(d.i64());
                return a;
            }
            case 0x73:
                return chars(d, count);
            default: {
                Object[] a = newArray(code, count);
                for (int i = 0; i < count; i++) a[i] = d.readValue(code);
                return a;
            }
        }
    }

    /** An array of char is a char[] if every code point fits a Java char, else a Char[]. */
    private static Object chars(AmqpDecoder d, int count) {
        int[] cps = new int[count];
        boolean supplementary = false;
        for (int i = 0; i < count; i++) {
            cps[i] = d.codePoint();
            supplementary |= cps[i] > 0xffff;
        }
        if (supplementary) {
            Char[] a = new Char[count];
            for (int i = 0; i < count; i++) a[i] = Char.of(cps[i]);
            return a;
        }
        char[] a = new char[count];
        for (int i = 0; i < count; i++) a[i] = (char) cps[i];
        return a;
    }

    private static Object[] newArray(int code, int n) {
        return switch (code) {
            case 0x50 -> new UByte[n];
            case 0x51 -> new Byte[n];
            case 0x60 -> new UShort[n];
            case 0x70, 0x52, 0x43 -> new UInt[n];
            case 0x80, 0x53, 0x44 -> new ULong[n];
            case 0x74 -> new Decimal32[n];
            case 0x84 -> new Decimal64[n];
            case 0x94 -> new Decimal128[n];
            case 0x83 -> new Timestamp[n];
            case 0x98 -> new UUID[n];
            case 0xa0, 0xb0 -> new byte[n][];
            case 0xa1, 0xb1 -> new String[n];
            case 0xa3, 0xb3 -> new Symbol[n];
            default -> new Object[n];
        };
    }
}
