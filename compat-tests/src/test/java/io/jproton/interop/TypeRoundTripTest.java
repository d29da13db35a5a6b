package io.jproton.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import io.jproton.Char;
import io.jproton.Connection;
import io.jproton.Container;
import io.jproton.Decimal128;
import io.jproton.Decimal32;
import io.jproton.Decimal64;
import io.jproton.Delivery;
import io.jproton.Described;
import io.jproton.ErrorCondition;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.Symbol;
import io.jproton.Timestamp;
import io.jproton.UByte;
import io.jproton.UInt;
import io.jproton.ULong;
import io.jproton.UShort;
import io.jproton.Values;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * Every AMQP type, in bodies, application properties and annotations, sent by jproton to a Proton
 * C++ and a Python proton peer that decode each message and send it back as they decoded it: what
 * comes back equals what went, type for type (decimals and a char above U+FFFF included).
 */
public class TypeRoundTripTest {

    /** Every AMQP scalar type, once. */
    static Map<String, Object> scalars() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("null", null);
        m.put("boolean", true);
        m.put("ubyte", UByte.of(250));
        m.put("byte", (byte) -7);
        m.put("ushort", UShort.of(65000));
        m.put("short", (short) -300);
        m.put("uint", UInt.of(4_000_000_000L));
        m.put("int", -123_456);
        m.put("char", '\u00e9');
        m.put("char-supplementary", Char.of(0x1F600));
        m.put("ulong", ULong.of(-2));
        m.put("long", Long.MIN_VALUE + 1);
        m.put("timestamp", Timestamp.of(1_700_000_000_123L));
        m.put("float", 2.5f);
        m.put("double", -1.25e-300);
        m.put("decimal32", Decimal32.of(new BigDecimal("-12.5")));
        m.put("decimal64", Decimal64.of(new BigDecimal("1234567890.123")));
        m.put("decimal128", Decimal128.of(new BigDecimal("0.000000000000000000000000000001")));
        m.put("uuid", new UUID(0x0123456789abcdefL, 0x0fedcba987654321L));
        m.put("binary", new byte[] {0, 1, (byte) 0xff});
        m.put("string", "ünïcödé \uD83D\uDE00");
        m.put("symbol", Symbol.of("amqp:symbol"));
        return m;
    }

    /** The messages sent: a body of every type, then properties, annotations and header fields of every kind. */
    static List<Message> messages() {
        List<Message> out = new ArrayList<>();
        scalars().values().forEach(v -> out.add(new Message(v)));
        out.add(new Message(new Described(Symbol.of("x:described"), List.of(1, "two"))));
        out.add(new Message(new Described(ULong.of(0x77), 3)));
        out.add(new Message(new int[] {1, -2, 3}));
        out.add(new Message(new String[] {"a", "b"}));
        out.add(new Message(new Symbol[] {Symbol.of("s")}));
        out.add(new Message(new ArrayList<>(List.of(1, "two", Symbol.of("three"), List.of(), Map.of("k", 1L)))));
        Map<Object, Object> map = new LinkedHashMap<>();
        scalars().forEach((k, v) -> map.put(k, v));
        map.put(ULong.of(7), "ulong key");
        out.add(new Message(map));
        Message props = new Message("properties");
        scalars().forEach((k, v) -> props.properties().put(k, v));
        out.add(props);
        Message annotations = new Message("annotations");
        scalars().forEach((k, v) -> annotations.messageAnnotations().put("x-opt-" + k, v)); // String keys, sent as symbols
        annotations.messageAnnotations().put(ULong.of(42), "ulong key");
        annotations.deliveryAnnotations().put(Symbol.of("x-opt-delivery"), 17L);
        out.add(annotations);
        Message header = new Message("header and properties");
        header.durable(true).priority(7).ttl(Duration.ofMillis(60_000)).firstAcquirer(true).deliveryCount(3);
        header.id(ULong.of(99)).user("bob").to("to").subject("subject").replyTo("reply").correlationId(new UUID(1, 2))
                .contentType("text/plain").contentEncoding("utf-8").expiryTime(Timestamp.of(1_800_000_000_000L))
                .creationTime(Timestamp.of(1_700_000_000_000L)).groupId("g").groupSequence(5).replyToGroupId("rg");
        out.add(header);
        out.add(new Message("string id").id("an-id").correlationId(new byte[] {1, 2}));
        return out;
    }

    private void roundTrip(Proc peer) throws Exception {
        String port = peer.await("listening on (\\d+)");
        List<Message> sent = messages();
        List<Message> back = new ArrayList<>();
        ErrorCondition[] error = {null};
        Thread run = new Thread(() -> new Container(new MessagingHandler() {
            private int next;

            @Override
            public void onContainerStart(Container c) {
                Connection conn = c.connect("127.0.0.1:" + port);
                conn.openReceiver("echo");
                conn.openSender("echo");
            }

            @Override
            public void onSendable(Sender s) {
                while (s.credit() > 0 && next < sent.size()) {
                    s.send(sent.get(next++));
                }
            }

            @Override
            public void onMessage(Delivery d, Message m) {
                back.add(m);
                if (back.size() == sent.size()) {
                    d.connection().close();
                }
            }

            @Override
            public void onError(ErrorCondition e) {
                error[0] = e;
            }
        }).run(), "type-round-trips");
        run.setDaemon(true);
        run.start();
        run.join(TimeUnit.SECONDS.toMillis(Proc.TIMEOUT_SECONDS));
        if (run.isAlive()) {
            fail("the round trips did not finish within " + Proc.TIMEOUT_SECONDS + " s; back: " + back.size() + "; peer: " + peer.output());
        }
        assertEquals("no error", null, error[0]);
        assertEquals(sent.size(), back.size());
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            if (!sent.get(i).equals(back.get(i))) {
                differ.add("sent " + sent.get(i) + " (" + Values.typeName(sent.get(i).body()) + ") got " + back.get(i) + " ("
                        + Values.typeName(back.get(i).body()) + ")");
            }
        }
        assertEquals("every message comes back equal", List.of(), differ);
    }

    @Test
    public void throughProtonCpp() throws Exception {
        try (Proc p = Proc.start(Peers.cpp("echo"))) {
            roundTrip(p);
        }
    }

    @Test
    public void throughPythonProton() throws Exception {
        try (Proc p = Proc.start(Peers.python("echo.py"))) {
            roundTrip(p);
        }
    }
}
