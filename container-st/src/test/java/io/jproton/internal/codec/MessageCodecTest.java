package io.jproton.internal.codec;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.Described;
import io.jproton.Message;
import io.jproton.ProtonException;
import io.jproton.Symbol;
import io.jproton.Timestamp;
import io.jproton.UByte;
import io.jproton.UInt;
import io.jproton.ULong;
import io.jproton.UShort;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.Test;

public class MessageCodecTest {

    @Test
    public void everyScalarKeepsItsType() {
        List<Object> values = Arrays.asList(null, true, (byte) 1, (short) 2, 3, 4L, UByte.of(5), UShort.of(6), UInt.of(7),
                ULong.of(8), 9.5f, 10.25, 'c', Timestamp.of(11), UUID.randomUUID(), "s", Symbol.of("y"), new byte[] {1, 2});
        for (Object v : values) {
            Message back = Message.decode(new Message(v).encode());
            assertTrue("round trip of " + v, ValueFormat.valueEquals(v, back.body()));
            if (v != null) {
                assertEquals(v.getClass(), back.body().getClass());
            }
        }
    }

    @Test
    public void containersAndDescribedValues() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("a", List.of(1, 2L, "x"));
        m.put(Symbol.of("b"), Map.of("nested", UInt.of(1)));
        Described d = new Described(Symbol.of("apache.org:selector-filter:string"), "colour = 'red'");
        Message back = Message.decode(new Message(List.of(m, d)).encode());
        assertTrue(ValueFormat.valueEquals(List.of(m, d), back.body()));
    }

    @Test
    public void binaryIsADataSectionAndAListWithInferredIsASequence() {
        byte[] data = new Message(new byte[] {9}).encode();
        // descriptor 0x75 is the data section
        assertEquals(0x75, data[2] & 0xff);
        Message seq = new Message(List.of(1)).inferred(true);
        byte[] enc = seq.encode();
        assertEquals(0x76, enc[2] & 0xff);
        Message back = Message.decode(enc);
        assertTrue(back.inferred());
        assertEquals(List.of(1), back.body());
        assertEquals(0x77, new Message("v").encode()[2] & 0xff);
    }

    @Test
    public void nullBodyIsStillAnAmqpValue() {
        byte[] enc = new Message().encode();
        assertArrayEquals(new byte[] {0x00, 0x53, 0x77, 0x40}, enc);
    }

    @Test
    public void integerIdsBecomeUlongAsInCpp() {
        Message m = new Message().id(5).correlationId(6L);
        assertEquals(ULong.of(5), m.id());
        assertEquals(ULong.of(6), Message.decode(m.encode()).correlationId());
        try {
            m.id(-1);
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("negative"));
        }
        try {
            m.id(1.5);
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("ULong, UUID, byte[] or String"));
        }
    }

    @Test
    public void garbageIsAClearError() {
        try {
            Message.decode(new byte[] {0x00, 0x53, 0x77, (byte) 0xa1, 0x10, 'x'});
            fail();
        } catch (ProtonException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("cannot decode AMQP message"));
        }
    }

    @Test
    public void headerDefaultsAreNotSent() {
        // a message with every header field at its default is only its body: amqp-value("x")
        Message m = new Message("x");
        assertArrayEquals(new byte[] {0x00, 0x53, 0x77, (byte) 0xa1, 0x01, 'x'}, m.encode());
        Message back = Message.decode(m.encode());
        assertEquals(Message.DEFAULT_PRIORITY, back.priority());
        assertEquals(m, back);
        // one field off its default: the header section is there, with that field only
        byte[] durable = new Message("x").durable(true).encode();
        assertArrayEquals(new byte[] {0x00, 0x53, 0x70}, java.util.Arrays.copyOf(durable, 3));
    }

    private static Message full() {
        Message m = new Message(Map.of("k", List.of(1, "two", Symbol.of("three"))));
        m.durable(true).priority(7).ttl(java.time.Duration.ofMillis(1234)).firstAcquirer(true).deliveryCount(2);
        m.id(UUID.randomUUID()).user("bob").to("to").subject("subject ünïcode \uD83D\uDE00").replyTo("reply")
                .correlationId("corr").contentType("text/plain").contentEncoding("gzip").expiryTime(Timestamp.of(5))
                .creationTime(Timestamp.of(6)).groupId("g").groupSequence(4_000_000_000L).replyToGroupId("rg");
        m.properties().put("p", 1.5);
        m.messageAnnotations().put(Symbol.of("x-opt-m"), "m");
        m.deliveryAnnotations().put(Symbol.of("x-opt-d"), 1L);
        m.footer().put(Symbol.of("x-opt-f"), true);
        return m;
    }

    @Test
    public void protonJReadsWhatWeWrite() {
        Message m = full();
        byte[] enc = m.encode();
        org.apache.qpid.proton.message.impl.MessageImpl pm = new org.apache.qpid.proton.message.impl.MessageImpl();
        pm.decode(enc, 0, enc.length);
        assertEquals("to", pm.getAddress());
        assertEquals("subject ünïcode \uD83D\uDE00", pm.getSubject());
        assertEquals(7, pm.getPriority());
        assertEquals(1234, pm.getTtl());
        assertEquals("gzip", pm.getContentEncoding());
        assertEquals(4_000_000_000L, pm.getProperties().getGroupSequence().longValue());
        assertEquals(1.5, pm.getApplicationProperties().getValue().get("p"));
        Object body = ((org.apache.qpid.proton.amqp.messaging.AmqpValue) pm.getBody()).getValue();
        assertEquals(Map.of("k", List.of(1, "two", org.apache.qpid.proton.amqp.Symbol.valueOf("three"))), body);
        assertTrue(pm.getFooter().getValue().containsKey(org.apache.qpid.proton.amqp.Symbol.valueOf("x-opt-f")));
    }

    @Test
    public void weReadWhatProtonJWrites() {
        org.apache.qpid.proton.message.impl.MessageImpl pm = new org.apache.qpid.proton.message.impl.MessageImpl();
        pm.setAddress("addr");
        pm.setMessageId(org.apache.qpid.proton.amqp.UnsignedLong.valueOf(9));
        pm.setDurable(true);
        pm.setApplicationProperties(new org.apache.qpid.proton.amqp.messaging.ApplicationProperties(Map.of("a", 1)));
        pm.setBody(new org.apache.qpid.proton.amqp.messaging.AmqpValue(
                new Object[] {"array", "of", "strings"}));
        byte[] buf = new byte[1024];
        int n = pm.encode(buf, 0, buf.length);
        Message m = Message.decode(buf, 0, n);
        assertEquals("addr", m.to());
        assertEquals(ULong.of(9), m.id());
        assertTrue(m.durable());
        assertEquals(1, m.properties().get("a"));
        // an AMQP array decodes to a Java array of its element type
        assertArrayEquals(new String[] {"array", "of", "strings"}, (String[]) m.body());
    }

    @Test
    public void everyTruncationIsAClearError() {
        byte[] enc = full().encode();
        for (int len = 1; len < enc.length; len++) {
            try {
                Message.decode(enc, 0, len);
                // a cut at a section boundary is a valid, shorter message
            } catch (ProtonException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith("cannot decode AMQP message"));
            }
        }
        byte[] corrupt = enc.clone();
        for (int i = 0; i < corrupt.length; i++) {
            byte[] c = enc.clone();
            c[i] = (byte) 0xff;
            try {
                Message.decode(c);
            } catch (ProtonException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith("cannot decode AMQP message"));
            }
        }
    }

    @Test
    public void fullMessageRoundTrip() {
        Message m = full();
        assertEquals(m, Message.decode(m.encode()));
    }

    @Test
    public void arraysKeepTheirElementType() {
        Object[] values = {new int[] {1, 2, 3}, new long[] {1L << 40}, new short[] {7}, new boolean[] {true, false},
            new double[] {1.5}, new float[] {2.5f}, new char[] {'x'}, new String[] {"a", "ünï"},
            new Symbol[] {Symbol.of("s")}, new UInt[] {UInt.of(4_000_000_000L)}, new ULong[] {ULong.of(-1)},
            new UUID[] {UUID.randomUUID()}, new Timestamp[] {Timestamp.of(9)}, new byte[][] {{1, 2}, {}},
            new int[0]};
        for (Object v : values) {
            Object back = io.jproton.Values.decode(io.jproton.Values.encode(v));
            assertEquals(v.getClass(), back.getClass());
            assertTrue(ValueFormat.format(v) + " came back as " + ValueFormat.format(back), ValueFormat.valueEquals(v, back));
        }
        Message m = new Message(List.of(new int[] {1, 2}, "x"));
        assertTrue(ValueFormat.valueEquals(m.body(), Message.decode(m.encode()).body()));
        try {
            io.jproton.Values.encode(new Integer[] {1, null});
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("cannot hold null"));
        }
    }
}
