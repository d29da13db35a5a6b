package io.jproton.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;

/**
 * Qpid JMS through pooled-jms, as a Java messaging user sends from many threads: a
 * {@link JmsPoolConnectionFactory} of C connections; each thread takes a pooled connection, a
 * session and a producer once, and sends persistent 100-byte {@link BytesMessage}s (at-least-once:
 * the broker's accept comes back for each). {@code sync}: JMS's default for persistent messages, each
 * send waits for its accept; async: JMS 2 {@code send(message, CompletionListener)}, the run ends
 * when every completion has come.
 */
final class JmsLoad {
    private JmsLoad() {}

    static JmsPoolConnectionFactory pool(String hostPort, int connections) {
        JmsPoolConnectionFactory pcf = new JmsPoolConnectionFactory();
        pcf.setConnectionFactory(new JmsConnectionFactory("amqp://" + hostPort));
        pcf.setMaxConnections(connections);
        return pcf;
    }

    /** One thread's part: {@code count} messages to the queue. */
    static void send(JmsPoolConnectionFactory pcf, String queue, int count, byte[] body, boolean async, CountDownLatch done)
            throws Exception {
        AtomicReference<Exception> failed = new AtomicReference<>();
        CompletionListener listener = new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                done.countDown();
            }

            @Override
            public void onException(Message message, Exception exception) {
                failed.compareAndSet(null, exception);
                done.countDown();
            }
        };
        try (Connection c = pcf.createConnection(); Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer p = s.createProducer(s.createQueue(queue))) {
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; i < count; i++) {
                BytesMessage m = s.createBytesMessage();
                m.writeBytes(body);
                if (async) {
                    p.send(m, listener);
                } else {
                    p.send(m);
                    done.countDown();
                }
            }
            if (async) {
                done.await(); // a producer closed with sends outstanding would wait for them anyway
            }
        }
        if (failed.get() != null) {
            throw failed.get();
        }
    }
}
