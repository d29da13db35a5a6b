package io.jproton.internal.codec;

import io.jproton.Char;
import io.jproton.Decimal128;
import io.jproton.Decimal32;
import io.jproton.Decimal64;
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
 * Reads AMQP 1.0 values from a byte range into the public API's Java types (see
 * {@link io.jproton.Message} for the mapping). Input is untrusted: whatever the bytes are, reading
 * either returns values or throws {@link ProtonException} saying what is wrong and at which offset
 * (from the start of the range), and it never allocates more than the bytes back:
 *
 * <ul>
 *   <li>every size and count is checked against the bytes left, without int overflow, before
 *       anything is allocated; a list, map or array must end exactly where its size says;</li>
 *   <li>at most {@link #MAX_DEPTH} lists, maps, arrays and described values nest;</li>
 *   <li>one decode yields at most {@link #ELEMENTS_PER_BYTE} × length + {@link #BASE_ELEMENTS}
 *       compound elements in all. Only arrays of zero-width elements (null, true, false, uint0,
 *       ulong0, list0) claim more elements than bytes; this budget lets valid ones decode and bounds
 *       what a few bytes can make the decoder allocate (the costliest element, an empty list in an
 *       array, takes about 28 bytes of heap: at most some 450 bytes of heap per input byte).</li>
 * </ul>
 *
 * <p>Not thread-safe: one per decode.
 */
final class AmqpDecoder {
    /**
     * How deep lists, maps, arrays and described values may nest (each counts one level). proton-j
     * limits a frame to 32 levels; twice that is room for any real message (a described body holding
     * a map of lists is 3), and 64 levels of recursion (about 3 frames each) take some tens of KiB of
     * stack, far below any thread's stack, so hostile nesting ends in a ProtonException instead of a
     * StackOverflowError.
     */
    static final int MAX_DEPTH = 64;
    /** Compound elements allowed per input byte (see the class comment). */
    static final int ELEMENTS_PER_BYTE = 16;
    /** Compound elements allowed on top of {@link #ELEMENTS_PER_BYTE} × length. */
    static final int BASE_ELEMENTS = 4096;

    private final byte[] b;
    private final int start;
    private int pos;
    /** The end of the innermost compound being read, or of the input. */
    private int end;
    private int depth;
    private long elementBudget;

    AmqpDecoder(byte[] bytes, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        this.b = bytes;
        this.start = offset;
        this.pos = offset;
        this.end = offset + length;
        this.elementBudget = (long) ELEMENTS_PER_BYTE * length + BASE_ELEMENTS;
    }

    boolean hasMore() {
        return pos < end;
    }

    /** @return the read position, from the start of the input */
    int offset() {
        return pos - start;
    }

    ProtonException malformed(String what) {
        return new ProtonException(what + " at offset " + offset());
    }

    private void need(long n) {
        if (n < 0 || n > end - pos) {
            throw malformed("truncated: needs " + n + " bytes, has " + (end - pos));
        }
    }

    int u8() {
        need(1);
        return b[pos++] & 0xff;
    }

    short i16() {
        need(2);
        short v = (short) (((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff));
        pos += 2;
        return v;
    }

    int i32() {
        need(4);
        int v = ((b[pos] & 0xff) << 24) | ((b[pos + 1] & 0xff) << 16) | ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    long i64() {
        long hi = i32() & 0xffffffffL;
        return (hi << 32) | (i32() & 0xffffffffL);
    }

    /** Reads a one- or four-byte unsigned size, checking that that many bytes follow. */
    private int size(boolean wide) {
        long n = wide ? i32() & 0xffffffffL : u8();
        need(n);
        return (int) n;
    }

    void enter() {
        if (++depth > MAX_DEPTH) {
            throw malformed("values nest deeper than " + MAX_DEPTH + " levels");
        }
    }

    void leave() {
        depth--;
    }

    /** Takes n elements from this decode's element budget. */
    void spend(long n, String what) {
        elementBudget -= n;
        if (elementBudget < 0) {
            throw malformed(what + " of " + n + " elements exceeds the decoder's element budget ("
                    + ELEMENTS_PER_BYTE + " per input byte + " + BASE_ELEMENTS + ")");
        }
    }

    /**
     * Reads a section descriptor without boxing it when it is a ulong (the usual case).
     *
     * @return the ulong code, or -1 after reading a symbol descriptor (left in {@link #symbolDescriptor})
     */
    long readDescriptorCode() {
        int code = u8();
        switch (code) {
            case 0x53:
                return u8();
            case 0x80:
                return i64();
            case 0x44:
                return 0;
            default:
                Object d = readValue(code);
                if (d instanceof Symbol sym) {
                    symbolDescriptor = sym;
                    return -1;
                }
                throw malformed("a descriptor must be a symbol or ulong, not " + io.jproton.Values.typeName(d));
        }
    }

    /** The symbol read by the last {@link #readDescriptorCode()} that returned -1. */
    Symbol symbolDescriptor;

    Object readValue() {
        return readValue(u8());
    }

    Object readValue(int code) {
        switch (code) {
            case 0x00: return described();
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
            case 0x74: return Decimal32.fromBits(i32());
            case 0x84: return Decimal64.fromBits(i64());
            case 0x94: return new Decimal128(i64(), i64());
            case 0x73: {
                int cp = codePoint();
                return cp <= 0xffff ? (Object) (char) cp : Char.of(cp);
            }
            case 0x83: return Timestamp.of(i64());
            case 0x98: return new UUID(i64(), i64());
            case 0xa0: case 0xb0: return binary(size(code == 0xb0));
            case 0xa1: case 0xb1: return text(size(code == 0xb1), StandardCharsets.UTF_8);
            case 0xa3: case 0xb3: return Symbol.of(text(size(code == 0xb3), StandardCharsets.ISO_8859_1));
            case 0x45: return emptyList();
            case 0xc0: case 0xd0: return list(code == 0xd0);
            case 0xc1: case 0xd1: return map(code == 0xd1);
            case 0xe0: case 0xf0: return ArrayDecoder.array(this, code == 0xf0);
            default:
                pos--;
                throw malformed("unknown type code 0x" + Integer.toHexString(code));
        }
    }

    /** Reads an AMQP char's code point, refusing surrogates and values above U+10FFFF. */
    int codePoint() {
        int cp = i32();
        if (!Char.isValid(cp)) {
            pos -= 4;
            throw malformed("char 0x" + Integer.toHexString(cp) + " is not a Unicode scalar value");
        }
        return cp;
    }

    private Described described() {
        enter();
        int at = pos;
        Object descriptor = readValue();
        if (!(descriptor instanceof Symbol) && !(descriptor instanceof ULong)) {
            pos = at;
            throw malformed("a descriptor must be a symbol or ulong, not " + io.jproton.Values.typeName(descriptor));
        }
        Described d = new Described(descriptor, readValue());
        leave();
        return d;
    }

    byte[] binary(int n) {
        byte[] out = new byte[n];
        System.arraycopy(b, pos, out, 0, n);
        pos += n;
        return out;
    }

    String text(int n, java.nio.charset.Charset charset) {
        String s = new String(b, pos, n, charset);
        pos += n;
        return s;
    }

    /**
     * Reads a compound's size and count, and narrows the readable range to the compound (the
     * caller keeps {@link #end()} from before, for {@link #endCompound}).
     *
     * @return the count, charged to the element budget
     */
    int beginCompound(boolean wide, String what) {
        int size = size(wide);
        end = pos + size;
        long count = wide ? i32() & 0xffffffffL : u8();
        spend(count, what);
        if (count > Integer.MAX_VALUE - 8) {
            throw malformed(what + " claims " + count + " elements");
        }
        enter();
        return (int) count;
    }

    /** Checks that the elements filled the compound exactly, and widens the readable range again. */
    void endCompound(int outerEnd, String what) {
        if (pos != end) {
            throw malformed(what + " has " + (end - pos) + " bytes left after its elements");
        }
        end = outerEnd;
        leave();
    }

    /** @return the end of the readable range */
    int end() {
        return end;
    }

    /** Checks that count elements of at least minBytes each fit in the readable range. */
    void needElements(int count, int minBytes, String what) {
        if ((long) count * minBytes > end - pos) {
            throw malformed(what + " of " + count + " elements cannot fit in " + (end - pos) + " bytes");
        }
    }

    /** list0: a list like any other, so it counts as a nesting level too. */
    private List<Object> emptyList() {
        enter();
        leave();
        return new ArrayList<>(0);
    }

    List<Object> list(boolean wide) {
        int outerEnd = end;
        int count = beginCompound(wide, "a list");
        needElements(count, 1, "a list");
        List<Object> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(readValue());
        }
        endCompound(outerEnd, "a list");
        return out;
    }

    /** Reads a list, or null, as section bodies may be written. */
    List<Object> listOrNull(String section) {
        int code = u8();
        return switch (code) {
            case 0x40 -> null;
            case 0x45 -> emptyList();
            case 0xc0, 0xd0 -> list(code == 0xd0);
            default -> {
                pos--;
                throw malformed("the " + section + " section must hold a list, not type code 0x" + Integer.toHexString(code));
            }
        };
    }

    Map<Object, Object> map(boolean wide) {
        int outerEnd = end;
        int count = beginCompound(wide, "a map");
        if (count % 2 != 0) {
            throw malformed("a map has an odd number of elements (" + count + ")");
        }
        needElements(count, 1, "a map");
        Map<Object, Object> out = new LinkedHashMap<>(Math.max(4, count));
        for (int i = 0; i < count; i += 2) {
            Object k = readValue();
            out.put(k, readValue());
        }
        endCompound(outerEnd, "a map");
        return out;
    }

    /** Reads a map, or null. */
    Map<Object, Object> mapOrNull(String section) {
        int code = u8();
        return switch (code) {
            case 0x40 -> null;
            case 0xc1, 0xd1 -> map(code == 0xd1);
            default -> {
                pos--;
                throw malformed("the " + section + " section must hold a map, not type code 0x" + Integer.toHexString(code));
            }
        };
    }
}
