package io.jproton;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The value-level members a Proton C++ user looks for: message copy and encode, annotation keys, error conditions, type ids. */
public class CppValueApiTest {

    @Test
    public void annotationKeysGivenAsStringsAreSymbolsBothWays() {
        Message sent = new Message("x");
        sent.messageAnnotations().put("x-opt-a", 1);
        sent.messageAnnotations().put(ULong.of(7), "seven");
        sent.deliveryAnnotations().put("x-opt-d", true);
        sent.footer().put("x-opt-f", 2L);
        Message received = Message.decode(sent.encode());
        assertEquals("get by the String on a received message", 1, received.messageAnnotations().get("x-opt-a"));
        assertEquals(1, received.messageAnnotations().get(Symbol.of("x-opt-a")));
        assertEquals("seven", received.messageAnnotations().get(ULong.of(7)));
        assertEquals(true, received.deliveryAnnotations().get("x-opt-d"));
        assertEquals(2L, received.footer().get("x-opt-f"));
        assertTrue(received.messageAnnotations().containsKey("x-opt-a"));
        assertEquals("a sent and a received message are equal", sent, received);
        assertEquals(Symbol.of("x-opt-a"), sent.messageAnnotations().keySet().iterator().next());
    }

    @Test
    public void aCopyHasEverySection() {
        Message m = new Message(new byte[] {1, 2});
        m.durable(true).priority(9).id("id").subject("s").user("u").groupSequence(3);
        m.properties().put("p", 1);
        m.messageAnnotations().put("x-opt-m", "m");
        m.deliveryAnnotations().put("x-opt-d", "d");
        m.footer().put("x-opt-f", "f");
        Message copy = new Message(m);
        assertEquals(m, copy);
        assertNotSame(m.properties(), copy.properties());
        copy.properties().put("p", 2);
        assertEquals(1, m.properties().get("p"));
        ((byte[]) copy.body())[0] = 9;
        assertEquals("the binary body is copied", 1, ((byte[]) m.body())[0]);
        Object asObject = m;
        assertEquals("a message given as an Object is copied, not made a body", m, new Message(asObject));
    }

    @Test
    public void defaultPriorityAndEncodingIntoABuffer() {
        assertEquals(4, Message.DEFAULT_PRIORITY);
        assertEquals(Message.DEFAULT_PRIORITY, new Message().priority());
        Message m = new Message("into a buffer");
        ByteBuffer b = ByteBuffer.allocate(256);
        b.put((byte) 0x7f);
        int n = m.encode(b);
        assertEquals(1 + n, b.position());
        assertArrayEquals(m.encode(), java.util.Arrays.copyOfRange(b.array(), 1, 1 + n));
        try {
            m.encode(ByteBuffer.allocate(3));
            org.junit.Assert.fail("too small");
        } catch (java.nio.BufferOverflowException expected) {
            // nothing written
        }
    }

    @Test
    public void errorConditionsAsCpp() {
        ErrorCondition empty = new ErrorCondition();
        assertTrue(empty.empty());
        assertEquals("", empty.what());
        ErrorCondition described = new ErrorCondition("went wrong");
        assertEquals(ErrorCondition.DEFAULT_NAME, described.name());
        assertEquals("proton:io:error: went wrong", described.what());
        assertFalse(described.empty());
        assertEquals("amqp:not-found: gone", new ErrorCondition("amqp:not-found", "gone").what());
    }

    @Test
    public void typeIdsAsCpp() {
        assertEquals(TypeId.NULL_TYPE, Values.typeId(null));
        assertEquals(TypeId.ULONG, Values.typeId(ULong.of(1)));
        assertEquals(TypeId.CHAR, Values.typeId(Char.of(0x1F600)));
        assertEquals(TypeId.CHAR, Values.typeId('x'));
        assertEquals(TypeId.DECIMAL64, Values.typeId(Decimal64.of(java.math.BigDecimal.ONE)));
        assertEquals(TypeId.ARRAY, Values.typeId(new int[0]));
        assertEquals(TypeId.BINARY, Values.typeId(new byte[0]));
        assertEquals(TypeId.LIST, Values.typeId(List.of()));
        assertEquals(TypeId.MAP, Values.typeId(Map.of()));
        assertEquals("ulong", TypeId.ULONG.typeName());
        assertEquals("null", TypeId.NULL_TYPE.toString());
        assertNull(TypeId.of(Object.class));
        try {
            Values.typeId(new Object());
            org.junit.Assert.fail("not an AMQP type");
        } catch (IllegalArgumentException expected) {
            // named in the message
        }
    }

    @Test
    public void cipherStrengthAsSsf() {
        assertEquals(128, io.jproton.internal.tls.CipherStrength.bits("TLS_AES_128_GCM_SHA256"));
        assertEquals(256, io.jproton.internal.tls.CipherStrength.bits("TLS_AES_256_GCM_SHA384"));
        assertEquals(256, io.jproton.internal.tls.CipherStrength.bits("TLS_CHACHA20_POLY1305_SHA256"));
        assertEquals(256, io.jproton.internal.tls.CipherStrength.bits("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"));
        assertEquals(0, io.jproton.internal.tls.CipherStrength.bits("SSL_NULL_WITH_NULL_NULL"));
        assertEquals(0, io.jproton.internal.tls.CipherStrength.bits(null));
    }
}
