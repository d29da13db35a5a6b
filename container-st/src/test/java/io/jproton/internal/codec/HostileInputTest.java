package io.jproton.internal.codec;

import static io.jproton.internal.codec.Samples.bytes;
import static io.jproton.internal.codec.Samples.concat;
import static io.jproton.internal.codec.Samples.repeat;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.Message;
import io.jproton.ProtonException;
import io.jproton.Values;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import org.junit.Test;

/** What a hostile peer can send: every decode ends in a value or a ProtonException, with bounded memory and stack. */
public class HostileInputTest {
    private static final byte[] VALUE_SECTION = bytes(0x00, 0x53, 0x77);

    /** Decodes as a value and as a message's amqp-value section: both must fail with a clear ProtonException. */
    static void refused(byte[] value, String expected) {
        messageRefused(concat(VALUE_SECTION, value), expected);
        valueRefused(value, expected);
    }

    static void valueRefused(byte[] value, String expected) {
        long before = allocatedBytes();
        try {
            Values.decode(value);
            fail("decoded " + ValueFormat.format(value));
        } catch (ProtonException e) {
            assertCaught(e);
            assertTrue(e.getMessage(), e.getMessage().startsWith("cannot decode AMQP value: "));
            assertTrue(e.getMessage(), e.getMessage().contains(expected));
        }
        long allocated = allocatedBytes() - before;
        assertTrue("decoding " + value.length + " bytes allocated " + allocated, allocated < 4_000_000 + 1_000L * value.length);
    }

    static String messageRefused(byte[] message, String expected) {
        long before = allocatedBytes();
        try {
            Message.decode(message);
            fail("decoded " + ValueFormat.format(message));
            return null;
        } catch (ProtonException e) {
            long allocated = allocatedBytes() - before;
            assertTrue("decoding " + message.length + " bytes allocated " + allocated, allocated < 4_000_000 + 1_000L * message.length);
            assertCaught(e);
            assertTrue(e.getMessage(), e.getMessage().startsWith("cannot decode AMQP message: "));
            assertTrue(e.getMessage(), e.getMessage().contains(expected));
            assertTrue(e.getMessage(), e.getMessage().contains("offset"));
            return e.getMessage();
        }
    }

    /** A ProtonException the decoder threw itself, not one wrapping a RuntimeException it let escape. */
    static void assertCaught(ProtonException e) {
        assertEquals(ProtonException.class, e.getClass());
        assertTrue("the decoder let " + e.getCause() + " escape", e.getCause() instanceof ProtonException);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static byte[] u32(long v) {
        return ByteBuffer.allocate(4).putInt((int) v).array();
    }

    @Test
    public void sizesOfTwoGibibytesAreRefusedBeforeAllocating() {
        for (long size : new long[] {0x7fffffffL, 0x80000000L, 0xffffffffL, 0x7ffffffcL}) {
            for (int code : new int[] {0xb0, 0xb1, 0xb3, 0xd0, 0xd1, 0xf0}) {
                refused(concat(bytes(code), u32(size), u32(size), bytes(0x40, 0x40, 0x40)), "truncated");
            }
        }
        for (int code : new int[] {0xa0, 0xa1, 0xa3, 0xc0, 0xc1, 0xe0}) {
            refused(bytes(code, 0xff, 1, 2), "truncated");
        }
    }

    @Test
    public void countsTheBytesCannotHoldAreRefusedBeforeAllocating() {
        for (long count : new long[] {0x7fffffffL, 0x80000000L, 0xffffffffL, 1000}) {
            refused(concat(bytes(0xd0), u32(6), u32(count), bytes(0x40, 0x40)), "a list");
            refused(concat(bytes(0xd1), u32(6), u32(count), bytes(0x40, 0x40)), "a map");
            refused(concat(bytes(0xf0), u32(7), u32(count), bytes(0xb1, 0, 0)), "an array");
        }
        refused(bytes(0xc0, 2, 200, 0x40), "a list of 200 elements cannot fit in 1 bytes");
    }

    @Test
    public void zeroWidthArrayElementsAreBoundedByTheElementBudget() {
        for (int code : new int[] {0x40, 0x41, 0x42, 0x43, 0x44, 0x45}) {
            refused(concat(bytes(0xf0), u32(5), u32(0x7fffffff), bytes(code)), "element budget");
        }
        // an array of 255 empty arrays of 255 nulls each: 3 bytes claim 255 elements
        byte[] inner = bytes(2, 255, 0x40);
        refused(concat(bytes(0xf0), u32(5 + 255 * 3), u32(255), bytes(0xe0), repeat(inner, 255)), "element budget");
        // valid zero-width arrays within the budget (16 per byte + 4096) decode
        boolean[] trues = (boolean[]) Values.decode(concat(bytes(0xf0), u32(5), u32(4000), bytes(0x41)));
        assertEquals(4000, trues.length);
        assertTrue(trues[3999]);
        assertEquals(4000, ((Object[]) Values.decode(concat(bytes(0xf0), u32(5), u32(4000), bytes(0x45)))).length);
    }

    private static byte[] nested(int levels, byte[] open, byte[] close) {
        return concat(repeat(open, levels), repeat(close, levels));
    }

    /**
     * Nested lists, maps (a null key, then the nested map) or arrays (of arrays) with sizes that add
     * up: each level holds one element, the innermost holds leaf.
     */
    private static byte[] nestedCompounds(int levels, int code, byte[] leaf) {
        byte[] beforeChild = code == 0xd1 ? bytes(0x40) : code == 0xf0 ? bytes(0xf0) : new byte[0];
        int header = 8 + beforeChild.length + (code == 0xf0 ? 0 : 1);
        ByteBuffer out = ByteBuffer.allocate(levels * header + leaf.length + 1);
        for (int i = 0; i < levels; i++) {
            if (i == 0 || code != 0xf0) {
                out.put((byte) code); // array elements have no constructor of their own
            }
            out.putInt((levels - 1 - i) * header + leaf.length + 4 + beforeChild.length).putInt(code == 0xd1 ? 2 : 1);
            out.put(beforeChild);
        }
        return java.util.Arrays.copyOf(out.put(leaf).array(), out.position());
    }

    @Test
    public void deepNestingIsRefusedNotAStackOverflow() {
        refused(nested(100_000, bytes(0x00, 0xa3, 1, 'x'), new byte[0]), "nest deeper than 64");
        refused(nested(100_000, bytes(0x00), bytes(0x53, 1)), "nest deeper than 64");
        refused(nestedCompounds(20_000, 0xd0, bytes(0x45)), "nest deeper than 64");
        refused(nestedCompounds(20_000, 0xd1, bytes(0x40)), "nest deeper than 64");
        refused(nestedCompounds(20_000, 0xf0, bytes(0, 0, 0, 5, 0, 0, 0, 0, 0x40)), "nest deeper than 64");
        refused(concat(bytes(0xf0), u32(100_000 * 4 + 5), u32(0), repeat(bytes(0x00, 0xa3, 1, 'x'), 100_000), bytes(0x40)),
                "nest deeper than 64");
        // 64 levels are fine, 65 are not
        Values.decode(nestedCompounds(63, 0xd0, bytes(0x45)));
        Values.decode(nestedCompounds(63, 0xd1, bytes(0x40)));
        Values.decode(nestedCompounds(63, 0xf0, bytes(0, 0, 0, 5, 0, 0, 0, 0, 0x40)));
        refused(nestedCompounds(64, 0xd0, bytes(0x45)), "nest deeper than 64");
        refused(nestedCompounds(64, 0xd1, bytes(0x45)), "nest deeper than 64");
        refused(nestedCompounds(64, 0xf0, bytes(0, 0, 0, 5, 0, 0, 0, 0, 0x40)), "nest deeper than 64");
    }

    @Test
    public void unknownTypesSectionsAndDescriptorsAreRefused() {
        refused(bytes(0x57), "unknown type code 0x57 at offset");
        valueRefused(bytes(0x57), "unknown type code 0x57 at offset 0");
        refused(bytes(0xf0, 0, 0, 0, 5, 0, 0, 0, 1, 0x57), "unknown array element type code 0x57");
        refused(bytes(0x73, 0, 0, 0xd8, 0), "char 0xd800 is not a Unicode scalar value");
        refused(bytes(0x73, 0, 0x11, 0, 0), "char 0x110000");
        refused(bytes(0x00, 0xa1, 1, 'x', 0x40), "a descriptor must be a symbol or ulong, not string");
        refused(bytes(0xf0, 0, 0, 0, 8, 0, 0, 0, 0, 0x00, 0x54, 1, 0x40), "an array's descriptor must be a symbol or ulong");
        messageRefused(bytes(0x00, 0x53, 0x79, 0x40), "unknown message section 0x79 at offset 0");
        messageRefused(concat(bytes(0x00, 0xa3, 13), "amqp:foo:list".getBytes(), bytes(0x45)), "unknown message section amqp:foo:list");
        messageRefused(bytes(0x00, 0xa1, 1, 'x', 0x40), "a descriptor must be a symbol or ulong");
        messageRefused(bytes(0x40), "expected a described message section at offset 0");
        messageRefused(bytes(0x00, 0x53, 0x77, 0x40, 0x00), "truncated");
    }

    @Test
    public void sectionFieldsOfTheWrongTypeAreRefused() {
        messageRefused(bytes(0x00, 0x53, 0x70, 0xc0, 4, 1, 0xa1, 1, 'x'), "the header field durable must be a boolean, not string");
        messageRefused(bytes(0x00, 0x53, 0x70, 0xc0, 4, 2, 0x40, 0x52, 5), "the header field priority must be a ubyte, not uint");
        messageRefused(bytes(0x00, 0x53, 0x70, 0xc1, 1, 0), "the header section must hold a list, not type code 0xc1");
        messageRefused(bytes(0x00, 0x53, 0x73, 0xc0, 5, 3, 0x40, 0x40, 0x54, 1), "the properties field to must be a string, not int");
        messageRefused(bytes(0x00, 0x53, 0x73, 0xc0, 4, 1, 0xa3, 1, 'x'), "message-id must be a ulong, uuid, binary or string, not symbol");
        messageRefused(bytes(0x00, 0x53, 0x73, 0xc0, 8, 6, 0x40, 0x40, 0x40, 0x40, 0x40, 0x54, 1), "correlation-id");
        messageRefused(bytes(0x00, 0x53, 0x74, 0xc1, 4, 2, 0x54, 1, 0x40), "an application-properties key must be a string, not int");
        messageRefused(bytes(0x00, 0x53, 0x72, 0xc0, 1, 0), "the message-annotations section must hold a map");
        // found by fuzzing: a string annotation key is read as a symbol, which cannot hold U+0492
        messageRefused(bytes(0x00, 0x53, 0x71, 0xc1, 6, 2, 0xa1, 2, 0xd2, 0x92, 0x40),
                "an annotation key must be a symbol or ulong, not the string \"\u0492\"");
        messageRefused(bytes(0x00, 0x53, 0x75, 0xa1, 1, 'x'), "a data section must hold binary, not type code 0xa1");
        messageRefused(bytes(0x00, 0x53, 0x76, 0x54, 1), "the amqp-sequence section must hold a list");
    }

    @Test
    public void sectionsOutOfOrderOrRepeatedAreRefused() {
        byte[] header = bytes(0x00, 0x53, 0x70, 0x45);
        byte[] properties = bytes(0x00, 0x53, 0x73, 0x45);
        byte[] value = bytes(0x00, 0x53, 0x77, 0x40);
        byte[] data = bytes(0x00, 0x53, 0x75, 0xa0, 1, 7);
        byte[] footer = bytes(0x00, 0x53, 0x78, 0xc1, 1, 0);
        messageRefused(concat(properties, header), "a header section cannot follow a properties section (section at offset 4)");
        messageRefused(concat(header, header), "a header section cannot follow a header section");
        messageRefused(concat(value, value), "an amqp-value section cannot follow".substring(3));
        messageRefused(concat(data, value), "amqp-value section cannot follow a data section");
        messageRefused(concat(value, footer, header), "header section cannot follow a footer section");
        // data and amqp-sequence sections may repeat; a message without a body is accepted
        assertArrayEquals(new byte[] {7, 7, 7}, (byte[]) Message.decode(concat(header, data, data, data, footer)).body());
        assertEquals(null, Message.decode(concat(header, properties)).body());
    }

    @Test
    public void trailingBytesAreRefused() {
        byte[] valid = Samples.full("x").encode();
        messageRefused(concat(valid, bytes(0xff)), "expected a described message section at offset " + valid.length);
        messageRefused(concat(valid, bytes(0x00)), "truncated");
        valueRefused(bytes(0x40, 0x40), "1 bytes after the value at offset 1");
        valueRefused(bytes(0xc0, 3, 1, 0x40, 0x40), "a list has 1 bytes left after its elements");
        valueRefused(bytes(0xc1, 3, 0, 0x40, 0x40), "a map has 2 bytes left after its elements");
        valueRefused(bytes(0xe0, 4, 1, 0x54, 1, 2), "an array has 1 bytes left after its elements");
        // an element running past its compound's size is truncated data, even if more bytes follow
        refused(bytes(0xc0, 2, 1, 0xa1, 1, 'x'), "truncated");
    }

    @Test
    public void everyTruncationAndCorruptionIsAProtonException() {
        byte[] enc = Samples.full(Samples.compounds().get(0)).encode();
        for (int len = 0; len < enc.length; len++) {
            // the same bytes, as a range of a longer array and on their own: the decoder reads nothing past the range
            Message inRange = null;
            try {
                inRange = Message.decode(enc, 0, len);
                // a cut at a section boundary is a valid, shorter message
            } catch (ProtonException e) {
                assertCaught(e);
                assertTrue(e.getMessage(), e.getMessage().startsWith("cannot decode AMQP message: "));
            }
            try {
                assertEquals(inRange, Message.decode(java.util.Arrays.copyOf(enc, len)));
            } catch (ProtonException e) {
                assertCaught(e);
                assertEquals(null, inRange);
            }
        }
        byte[] small = Samples.full(Samples.arrays()).encode();
        int[] replacements = {0x00, 0x01, 0x40, 0x45, 0x7f, 0x80, 0xa0, 0xb0, 0xc0, 0xd0, 0xe0, 0xf0, 0xfe, 0xff};
        for (int i = 0; i < small.length; i++) {
            for (int r : replacements) {
                byte[] c = small.clone();
                c[i] = (byte) r;
                try {
                    Message m = Message.decode(c);
                    assertEquals(m, Message.decode(m.encode()));
                } catch (ProtonException e) {
                    assertCaught(e);
                }
            }
        }
        for (Object v : Samples.arrays()) {
            byte[] value = Values.encode(v);
            for (int len = 0; len < value.length; len++) {
                try {
                    Values.decode(java.util.Arrays.copyOf(value, len));
                    fail("decoded a truncated " + ValueFormat.format(v));
                } catch (ProtonException expected) {
                    assertCaught(expected);
                }
            }
        }
    }

    @Test
    public void manySmallDataSectionsAreJoinedInLinearTime() {
        byte[] data = repeat(bytes(0x00, 0x53, 0x75, 0xa0, 1, 7), 1_000_000);
        long start = System.nanoTime();
        assertEquals(1_000_000, ((byte[]) Message.decode(data).body()).length);
        assertTrue("took " + (System.nanoTime() - start) / 1_000_000 + " ms", System.nanoTime() - start < 5_000_000_000L);
    }
}
