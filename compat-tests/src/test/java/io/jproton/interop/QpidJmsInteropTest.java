package io.jproton.interop;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.Test;

/** The Qpid JMS client against our broker example, and against a jproton receiver through it. */
public class QpidJmsInteropTest {
    private static final long TIMEOUT_MS = 20_000;

    private static Connection jms(String port) throws Exception {
        Connection c = new JmsConnectionFactory("amqp://127.0.0.1:" + port).createConnection();
        c.start();
        return c;
    }

    private static void sendEveryType(Session s, Queue q) throws Exception {
        MessageProducer p = s.createProducer(q);
        TextMessage text = s.createTextMessage("text body");
        text.setStringProperty("colour", "red");
        text.setIntProperty("count", 7);
        text.setJMSCorrelationID("corr-1");
        p.send(text);
        BytesMessage bytes = s.createBytesMessage();
        bytes.writeBytes(new byte[] {1, 2, 3});
        p.send(bytes);
        MapMessage map = s.createMapMessage();
        map.setString("k", "v");
        map.setInt("n", 42);
        p.send(map);
        StreamMessage stream = s.createStreamMessage();
        stream.writeString("s");
        stream.writeLong(5L);
        p.send(stream);
        jakarta.jms.Message plain = s.createMessage();
        plain.setBooleanProperty("plain", true);
        p.send(plain);
    }

    @Test
    public void everyJmsMessageTypeThroughOurBroker() throws Exception {
        try (Proc broker = Proc.start(Peers.ours("broker", "-a", "127.0.0.1:0"))) {
            String port = broker.await("broker listening on (\\d+)");
            Connection c = jms(port);
            try {
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                Queue q = s.createQueue("jms-types");
                sendEveryType(s, q);
                MessageConsumer consumer = s.createConsumer(q);
                TextMessage text = (TextMessage) consumer.receive(TIMEOUT_MS);
                assertNotNull(text);
                assertEquals("text body", text.getText());
                assertEquals("red", text.getStringProperty("colour"));
                assertEquals(7, text.getIntProperty("count"));
                assertEquals("corr-1", text.getJMSCorrelationID());
                BytesMessage bytes = (BytesMessage) consumer.receive(TIMEOUT_MS);
                byte[] got = new byte[(int) bytes.getBodyLength()];
                bytes.readBytes(got);
                assertArrayEquals(new byte[] {1, 2, 3}, got);
                MapMessage map = (MapMessage) consumer.receive(TIMEOUT_MS);
                assertEquals("v", map.getString("k"));
                assertEquals(42, map.getInt("n"));
                StreamMessage stream = (StreamMessage) consumer.receive(TIMEOUT_MS);
                assertEquals("s", stream.readString());
                assertEquals(5L, stream.readLong());
                jakarta.jms.Message plain = consumer.receive(TIMEOUT_MS);
                assertTrue(plain.getBooleanProperty("plain"));
            } finally {
                c.close();
            }
        }
    }

    @Test
    public void propertiesAndCorrelationIdsReachOurOnMessage() throws Exception {
        try (Proc broker = Proc.start(Peers.ours("broker", "-a", "127.0.0.1:0"))) {
            String port = broker.await("broker listening on (\\d+)");
            Connection c = jms(port);
            try {
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                sendEveryType(s, s.createQueue("jms-to-jproton"));
            } finally {
                c.close();
            }
            List<Message> received = new ArrayList<>();
            Container container = new Container(new MessagingHandler() {
                @Override
                public void onContainerStart(Container ct) {
                    ct.openReceiver("127.0.0.1:" + port + "/jms-to-jproton", null, new ConnectionOptions());
                }

                @Override
                public void onMessage(Delivery d, Message m) {
                    received.add(m);
                    if (received.size() == 5) {
                        d.connection().close();
                    }
                }
            });
            FutureTask<Void> run = new FutureTask<>(container::run, null);
            Thread t = new Thread(run, "jproton-receiver");
            t.setDaemon(true);
            t.start();
            run.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Message text = received.get(0);
            assertEquals("text body", text.body());
            assertEquals("red", text.properties().get("colour"));
            assertEquals(7, text.properties().get("count"));
            assertEquals("corr-1", text.correlationId());
            assertTrue(String.valueOf(text.id()), String.valueOf(text.id()).startsWith("ID:"));
            assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) received.get(1).body());
            assertEquals(Map.of("k", "v", "n", 42), received.get(2).body());
            assertEquals(List.of("s", 5L), received.get(3).body());
            assertEquals(true, received.get(4).properties().get("plain"));
        }
    }

    @Test
    public void aJmsConsumerReceivesWhatOurSimpleSendSent() throws Exception {
        try (Proc broker = Proc.start(Peers.ours("broker", "-a", "127.0.0.1:0"))) {
            String port = broker.await("broker listening on (\\d+)");
            try (Proc send = Proc.start(Peers.ours("simple_send", "-a", "127.0.0.1:" + port + "/jms-seq", "-m", "10"))) {
                assertEquals(List.of("all messages confirmed"), send.finish());
            }
            Connection c = jms(port);
            try {
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = s.createConsumer(s.createQueue("jms-seq"));
                for (int i = 1; i <= 10; i++) {
                    jakarta.jms.Message m = consumer.receive(TIMEOUT_MS);
                    assertNotNull("message " + i, m);
                    assertEquals(Map.of("sequence", i), m.getBody(Map.class));
                }
            } finally {
                c.close();
            }
        }
    }

    @Test
    public void unacknowledgedMessagesAreNotLostWhenAConsumerGoesAway() throws Exception {
        try (Proc broker = Proc.start(Peers.ours("broker", "-a", "127.0.0.1:0"))) {
            String port = broker.await("broker listening on (\\d+)");
            Connection c = jms(port);
            try {
                Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
                Queue q = s.createQueue("jms-redelivery");
                MessageProducer p = s.createProducer(q);
                for (int i = 0; i < 3; i++) {
                    p.send(s.createTextMessage("m" + i));
                }
                MessageConsumer first = s.createConsumer(q);
                for (int i = 0; i < 3; i++) {
                    assertEquals("m" + i, ((TextMessage) first.receive(TIMEOUT_MS)).getText());
                }
            } finally {
                c.close(); // without acknowledging anything
            }
            Connection again = jms(port);
            try {
                Session s = again.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer second = s.createConsumer(s.createQueue("jms-redelivery"));
                for (int i = 0; i < 3; i++) {
                    TextMessage m = (TextMessage) second.receive(TIMEOUT_MS);
                    assertNotNull("message " + i + " was lost", m);
                    assertEquals("m" + i, m.getText());
                }
            } finally {
                again.close();
            }
        }
    }
}
