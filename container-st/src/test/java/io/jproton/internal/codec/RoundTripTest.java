package io.jproton.internal.codec;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.Char;
import io.jproton.Described;
import io.jproton.Message;
import io.jproton.Symbol;
import io.jproton.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Every AMQP type decodes and encodes back, wherever it is: body, properties, annotations, footer, containers. */
public class RoundTripTest {

    private static Object valueRoundTrip(Object v) {
        Object back = Values.decode(Values.encode(v));
        assertTrue(ValueFormat.format(v) + " came back as " + ValueFormat.format(back), ValueFormat.valueEquals(v, back));
        // and what was decoded encodes to the same bytes again
        assertArrayEquals(Values.encode(back), Values.encode(Values.decode(Values.encode(back))));
        return back;
    }

    private static void messageRoundTrip(Message m) {
        Message back = Message.decode(m.encode());
        assertEquals(m, back);
        assertEquals(back, Message.decode(back.encode()));
    }

    @Test
    public void everyScalarKeepsItsTypeAlone() {
        for (Object v : Samples.scalars()) {
            Object back = valueRoundTrip(v);
            if (v != null) {
                assertEquals(v.getClass(), back.getClass());
            }
        }
    }

    @Test
    public void everyArrayKeepsItsElementType() {
        for (Object v : Samples.arrays()) {
            Object back = valueRoundTrip(v);
            assertEquals(ValueFormat.format(v), v.getClass(), back.getClass());
        }
    }

    @Test
    public void listsMapsAndDescribedValuesOfEveryType() {
        for (Object v : Samples.compounds()) {
            valueRoundTrip(v);
        }
    }

    @Test
    public void everyTypeInEverySection() {
        for (Object body : Samples.scalars()) {
            messageRoundTrip(Samples.full(body));
        }
        for (Object body : Samples.arrays()) {
            messageRoundTrip(Samples.full(body));
        }
        for (Object body : Samples.compounds()) {
            messageRoundTrip(Samples.full(body));
        }
        messageRoundTrip(Samples.full(new ArrayList<>(Samples.scalars())).inferred(true));
    }

    @Test
    public void charsAboveTheBasicPlaneAreChar() {
        assertEquals(Char.of(0x1F600), Values.decode(Samples.bytes(0x73, 0, 1, 0xF6, 0)));
        assertEquals('\uFFFF', Values.decode(Samples.bytes(0x73, 0, 0, 0xFF, 0xFF)));
        assertEquals(Char.of(0x10FFFF), Values.decode(Samples.bytes(0x73, 0, 0x10, 0xFF, 0xFF)));
        // a Char of the basic plane is sent as a char and comes back as a Character
        assertEquals('A', Values.decode(Values.encode(Char.of('A'))));
        Object chars = Values.decode(Values.encode(new Object[] {'a', Char.of(0x1F600)}));
        assertArrayEquals(new Char[] {Char.of('a'), Char.of(0x1F600)}, (Char[]) chars);
        assertArrayEquals(new char[] {'a', 'b'}, (char[]) Values.decode(Values.encode(new Char[] {Char.of('a'), Char.of('b')})));
        assertEquals("char", Values.typeName(Char.of(0x1F600)));
        assertEquals("\uD83D\uDE00", Values.format(Char.of(0x1F600)));
        assertEquals(0x1F600, (int) Values.coerce(Char.of(0x1F600), Integer.class));
        for (int bad : new int[] {0xD800, 0xDFFF, 0x110000, -1}) {
            try {
                Char.of(bad);
                fail();
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().contains("not a Unicode scalar value"));
            }
        }
        try {
            Values.encode('\uD800');
            fail();
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("surrogate"));
        }
    }

    @Test
    public void annotationsWithAnyKeyRoundTripAndStringKeysAreSymbols() {
        Message m = new Message("x");
        m.messageAnnotations().put(42, "int key");
        m.messageAnnotations().put("as-symbol", 1);
        m.footer().put(List.of(1), "list key");
        Message back = Message.decode(m.encode());
        assertEquals("int key", back.messageAnnotations().get(42));
        assertEquals(1, back.messageAnnotations().get(Symbol.of("as-symbol")));
        assertEquals("list key", back.footer().get(List.of(1)));
        // a string key on the wire is read as the symbol of its text
        byte[] wire = Samples.bytes(0x00, 0x53, 0x72, 0xc1, 5, 2, 0xa1, 1, 'k', 0x40);
        assertEquals(Map.of(Symbol.of("k"), new ArrayList<>()).keySet(), Message.decode(wire).messageAnnotations().keySet());
    }

    @Test
    public void arraysInferTheirElementTypeFromTheElementsAndRefuseMixes() {
        assertArrayEquals(new int[] {1, 2}, (int[]) Values.decode(Values.encode(new Object[] {1, 2})));
        assertEquals(0, ((Object[]) Values.decode(Values.encode(new Described[0]))).length);
        Object[][] mixed = {{1, "x"}, {1, null}, {new Described(Symbol.of("a"), 1), new Described(Symbol.of("b"), 1)},
            {new Described(Symbol.of("a"), 1), new Described(Symbol.of("a"), "x")}, {new Object()}};
        for (Object[] a : mixed) {
            try {
                Values.encode(a);
                fail(ValueFormat.format(a));
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("one type")
                        || expected.getMessage().contains("not an AMQP value type"));
            }
        }
        try {
            Values.encode(new Integer[] {1, null});
            fail();
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("cannot hold null"));
        }
    }

    @Test
    public void theEncoderRefusesWhatTheDecoderWouldRefuse() {
        Object deep = List.of();
        for (int i = 0; i < AmqpDecoder.MAX_DEPTH; i++) {
            deep = List.of(deep);
        }
        try {
            Values.encode(deep);
            fail();
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("nest deeper than 64"));
        }
        Values.decode(Values.encode(((List<?>) deep).get(0)));
        List<Object> self = new ArrayList<>();
        self.add(self);
        try {
            Values.encode(self);
            fail();
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("holds itself"));
        }
        try {
            Values.encode(Symbol.of("\u0100"));
            fail();
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("ASCII"));
        }
        assertEquals(Symbol.of("\u00e9"), Values.decode(Values.encode(Symbol.of("\u00e9"))));
    }
}
