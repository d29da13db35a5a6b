package io.jproton.internal.codec;

import io.jproton.Described;
import io.jproton.ProtonException;
import io.jproton.Symbol;
import io.jproton.Timestamp;
import io.jproton.UByte;
import io.jproton.UInt;
import io.jproton.ULong;
import io.jproton.UShort;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads AMQP 1.0 values from a byte range into the public API's Java types. Every read is
 * bounds-checked: malformed input throws {@link ProtonException}. Not thread-safe: one per decode.
 */
final class AmqpDecoder {
    private final byte[] b;
    private int pos;
    private final int end;

    AmqpDecoder(byte[] bytes, int offset, int length) {
        this.b = bytes;
        this.pos = offset;
        this.end = offset + length;
    }

    boolean hasMore() {
        return pos < end;
    }

    private void need(int n) {
        if (n < 0 || pos + n > end) {
            throw new ProtonException("malformed AMQP data: needs " + n + " more bytes at offset " + pos + ", has " + (end - pos));
        }
    }

    int u8() {
        need(1);
        return b[pos++] & 0xff;
    }

    private int i32() {
        need(4);
        int v = ((b[pos] & 0xff) << 24) | ((b[pos + 1] & 0xff) << 16) | ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    private long i64() {
        long hi = i32() & 0xffffffffL;
        return (hi << 32) | (i32() & 0xffffffffL);
    }

    private short i16() {
        need(2);
        short v = (short) (((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff));
        pos += 2;
        return v;
    }

    private int length(boolean wide) {
        int n = wide ? i32() : u8();
        if (n < 0) {
            throw new ProtonException("malformed AMQP data: negative length at offset " + pos);
        }
        return n;
    }

    /**
     * Reads a section descriptor without boxing it when it is a ulong (the usual case).
     *
     * @return the ulong code, or -1 after reading a symbol descriptor (left in {@link #symbolDescriptor})
     */
    long readDescriptorCode() {
        int code = b[pos] & 0xff;
        switch (code) {
            case 0x53:
                pos++;
                return u8();
            case 0x80:
                pos++;
                return i64();
            case 0x44:
                pos++;
                return 0;
            default:
                Object d = readValue();
                if (d instanceof Symbol sym) {
                    symbolDescriptor = sym;
                    return -1;
                }
                throw new ProtonException("malformed AMQP data: descriptor must be a symbol or ulong, got " + d);
        }
    }

    /** The symbol read by the last {@link #readDescriptorCode()} that returned -1. */
    Symbol symbolDescriptor;

    Object readValue() {
        return readValue(u8());
    }

    Object readValue(int code) {
        switch (code) {
            case 0x00: {
                Object descriptor = readValue();
                if (!(descriptor instanceof Symbol) && !(descriptor instanceof ULong)) {
                    throw new ProtonException("malformed AMQP data: descriptor must be a symbol or ulong, got " + descriptor);
                }
                return new Described(descriptor, readValue());
            }
            case 0x40: return null;
            case 0x41: return Boolean.TRUE;
            case 0x42: return Boolean.FALSE;
            case 0x56: return u8() != 0;
            case 0x50: return UByte.of(u8());
            case 0x60: return UShort.of(i16() & 0xffff);
            case 0x70: return UInt.of(i32() & 0xffffffffL);
            case 0x52: return UInt.of(u8());
            case 0x43: return UInt.of(0);
            case 0x80: return ULong.of(i64());
            case 0x53: return ULong.of(u8());
            case 0x44: return ULong.of(0);
            case 0x51: return (byte) u8();
            case 0x61: return i16();
            case 0x71: return i32();
            case 0x54: return (int) (byte) u8();
            case 0x81: return i64();
            case 0x55: return (long) (byte) u8();
            case 0x72: return Float.intBitsToFloat(i32());
            case 0x82: return Double.longBitsToDouble(i64());
            case 0x73: {
                int cp = i32();
                if (cp < 0 || cp > 0xffff) {
                    throw new ProtonException("AMQP char U+" + Integer.toHexString(cp) + " does not fit a Java char");
                }
                return (char) cp;
            }
            case 0x83: return Timestamp.of(i64());
            case 0x98: return new UUID(i64(), i64());
            case 0xa0: case 0xb0: return bytes(length(code == 0xb0));
            case 0xa1: case 0xb1: {
                int n = length(code == 0xb1);
                need(n);
                String s = new String(b, pos, n, StandardCharsets.UTF_8);
                pos += n;
                return s;
            }
            case 0xa3: case 0xb3: {
                int n = length(code == 0xb3);
                need(n);
                String s = new String(b, pos, n, StandardCharsets.US_ASCII);
                pos += n;
                return Symbol.of(s);
            }
            case 0x45: return new ArrayList<>(0);
            case 0xc0: case 0xd0: return list(code == 0xd0);
            case 0xc1: case 0xd1: return map(code == 0xd1);
            case 0xe0: case 0xf0: return array(code == 0xf0);
            case 0x74: case 0x84: case 0x94:
                throw new ProtonException("AMQP decimal values are not supported (type code 0x" + Integer.toHexString(code) + ")");
            default:
                throw new ProtonException("malformed AMQP data: unknown type code 0x" + Integer.toHexString(code)
                        + " at offset " + (pos - 1));
        }
    }

    private byte[] bytes(int n) {
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(b, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** Reads the size and count of a compound; returns the count and checks the size against the data. */
    private int compoundHeader(boolean wide) {
        int size = length(wide);
        need(size);
        int count = wide ? i32() : u8();
        if (count < 0 || count > size) {
            throw new ProtonException("malformed AMQP data: " + count + " elements cannot fit in " + size + " bytes");
        }
        return count;
    }

    List<Object> list(boolean wide) {
        int count = compoundHeader(wide);
        List<Object> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(readValue());
        }
        return out;
    }

    /** Reads a list, or null, as section bodies may be written. */
    List<Object> listOrNull() {
        int code = u8();
        return switch (code) {
            case 0x40 -> null;
            case 0x45 -> new ArrayList<>(0);
            case 0xc0, 0xd0 -> list(code == 0xd0);
            default -> throw new ProtonException("malformed AMQP message: expected a list, got type code 0x" + Integer.toHexString(code));
        };
    }

    Map<Object, Object> map(boolean wide) {
        int count = compoundHeader(wide);
        if (count % 2 != 0) {
            throw new ProtonException("malformed AMQP data: a map has an odd number of elements (" + count + ")");
        }
        Map<Object, Object> out = new LinkedHashMap<>(Math.max(4, count));
        for (int i = 0; i < count; i += 2) {
            Object k = readValue();
            out.put(k, readValue());
        }
        return out;
    }

    /** Reads a map, or null. */
    Map<Object, Object> mapOrNull() {
        int code = u8();
        return switch (code) {
            case 0x40 -> null;
            case 0xc1, 0xd1 -> map(code == 0xd1);
            default -> throw new ProtonException("malformed AMQP message: expected a map, got type code 0x" + Integer.toHexString(code));
        };
    }

    /**
     * Reads an AMQP array as a Java array of the element type: int[], long[], short[], boolean[],
     * float[], double[], char[], String[], Symbol[], UUID[], Timestamp[], UByte[], UShort[],
     * UInt[], ULong[], Byte[], byte[][] (binary), or Object[] for anything else (lists, maps,
     * described elements).
     */
    private Object array(boolean wide) {
        int size = length(wide);
        need(size);
        int count = wide ? i32() : u8();
        if (count < 0 || count > size) {
            throw new ProtonException("malformed AMQP data: " + count + " array elements cannot fit in " + size + " bytes");
        }
        int code = u8();
        Object descriptor = null;
        if (code == 0x00) {
            descriptor = readValue();
            code = u8();
        }
        Object out = descriptor != null ? new Object[count] : newArray(code, count);
        for (int i = 0; i < count; i++) {
            Object v = readValue(code);
            java.lang.reflect.Array.set(out, i, descriptor == null ? v : new Described(descriptor, v));
        }
        return out;
    }

    private static Object newArray(int code, int n) {
        return switch (code) {
            case 0x71, 0x54 -> new int[n];
            case 0x81, 0x55 -> new long[n];
            case 0x61 -> new short[n];
            case 0x56, 0x41, 0x42 -> new boolean[n];
            case 0x72 -> new float[n];
            case 0x82 -> new double[n];
            case 0x73 -> new char[n];
            case 0xa1, 0xb1 -> new String[n];
            case 0xa3, 0xb3 -> new Symbol[n];
            case 0x98 -> new UUID[n];
            case 0x83 -> new Timestamp[n];
            case 0x50 -> new UByte[n];
            case 0x60 -> new UShort[n];
            case 0x70, 0x52, 0x43 -> new UInt[n];
            case 0x80, 0x53, 0x44 -> new ULong[n];
            case 0x51 -> new Byte[n];
            case 0xa0, 0xb0 -> new byte[n][];
            default -> new Object[n];
        };
    }
}
