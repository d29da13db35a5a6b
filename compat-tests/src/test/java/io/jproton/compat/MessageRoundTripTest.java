package io.jproton.compat;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jproton.Delivery;
import io.jproton.Described;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.Test;

/** Every body type and every message field crosses a real connection with its AMQP type intact. */
public class MessageRoundTripTest {

    static List<Object> bodies() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("k", 1);
        map.put(Symbol.of("sym"), List.of("a", 2L));
        map.put(7, null);
        return Arrays.asList(null, true, false, (byte) -3, (short) 300, 70000, 5_000_000_000L, UByte.of(255),
                UShort.of(65535), UInt.of(4_000_000_000L), ULong.of(-1L), 1.5f, 2.25d, 'x', Timestamp.of(1_700_000_000_000L),
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), "text ünïcode", Symbol.of("a-symbol"),
                new byte[] {0, 1, 2, (byte) 255}, List.of(1, "two", 3.0), map,
                new Described(Symbol.of("x:desc"), "described"), new Described(ULong.of(77), List.of(1)));
    }

    static Message fullMessage() {
        Message m = new Message("body");
        m.durable(true).priority(9).ttl(Duration.ofMillis(12345)).firstAcquirer(true).deliveryCount(3);
        m.id("id-1").user("alice").to("dest").subject("subj").replyTo("reply").correlationId(UUID.randomUUID())
                .contentType("text/plain").contentEncoding("utf-8").expiryTime(Timestamp.of(2_000_000_000_000L))
                .creationTime(Timestamp.of(1_000_000_000_000L)).groupId("g").groupSequence(42).replyToGroupId("rg");
        m.properties().put("int", 1);
        m.properties().put("long", 2L);
        m.properties().put("str", "s");
        m.properties().put("bool", true);
        m.properties().put("double", 1.25);
        m.properties().put("ushort", UShort.of(5));
        m.messageAnnotations().put(Symbol.of("x-opt-a"), "annotation");
        m.deliveryAnnotations().put(Symbol.of("x-opt-d"), 5L);
        m.footer().put(Symbol.of("x-opt-f"), List.of("f"));
        return m;
    }

    @Test
    public void everyBodyTypeAndFieldSurvivesTheWire() throws Exception {
        List<Message> sent = new ArrayList<>();
        for (Object body : bodies()) {
            sent.add(new Message(body));
        }
        sent.add(fullMessage());
        Message seq = new Message(List.of("s1", 2));
        seq.inferred(true);
        sent.add(seq);

        List<Message> received = new ArrayList<>();
        MessagingHandler client = new MessagingHandler() {
            int next;

            @Override
            public void onSendable(Sender s) {
                while (s.credit() > 0 && next < sent.size()) {
                    s.send(sent.get(next++));
                }
            }
        };
        MessagingHandler server = new MessagingHandler() {
            @Override
            public void onMessage(Delivery d, Message m) {
                received.add(m);
                if (received.size() == sent.size()) {
                    d.connection().close();
                }
            }
        };
        Peer.pair(client, server, c -> c.openSender("q"));
        assertEquals(sent.size(), received.size());
        for (int i = 0; i < sent.size(); i++) {
            Object want = sent.get(i).body();
            Object got = received.get(i).body();
            assertTrue("body " + i + ": sent " + Values.format(want) + " (" + (want == null ? null : want.getClass().getSimpleName())
                    + "), got " + Values.format(got) + " (" + (got == null ? null : got.getClass().getSimpleName()) + ")",
                    Values.equal(want, got));
            assertEquals("message " + i, sent.get(i), received.get(i));
        }
        assertEquals(Integer.class, received.get(5).body().getClass());
        assertEquals("alice", received.get(bodies().size()).user());
    }
}
