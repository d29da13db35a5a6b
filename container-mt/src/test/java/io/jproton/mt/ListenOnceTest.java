package io.jproton.mt;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.MessagingHandler;
import java.io.InputStream;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

/**
 * A listener that stops itself in onAccept was the last thing keeping the container running; the
 * connection it just accepted must keep it running from there, though another thread could see the
 * container idle in between (it once did: the socket was dropped unread, and the peer got a reset).
 */
public class ListenOnceTest {
    private static final byte[] AMQP_HEADER = {'A', 'M', 'Q', 'P', 0, 1, 0, 0};

    @Test
    public void theConnectionAcceptedByAListenerThatStopsInOnAcceptIsServed() throws Exception {
        for (int round = 0; round < 10; round++) {
            CompletableFuture<Integer> port = new CompletableFuture<>();
            AtomicInteger opened = new AtomicInteger();
            Container c = new Container(new MessagingHandler() {
                @Override
                public void onContainerStart(Container container) {
                    Listener l = container.listen("127.0.0.1:0", new ListenHandler() {
                        @Override
                        public ConnectionOptions onAccept(Listener listener) {
                            listener.stop();
                            return new ConnectionOptions().saslEnabled(false).handler(new MessagingHandler() {
                                @Override
                                public void onTransportOpen(io.jproton.Transport t) {
                                    opened.incrementAndGet();
                                }

                                @Override
                                public void onTransportError(io.jproton.Transport t) {
                                    // the test's peer leaves after the header: expected
                                }
                            });
                        }
                    });
                    port.complete(l.port());
                }
            });
            CompletableFuture<Void> run = Mt.start(c, 4);
            try (Socket s = new Socket("127.0.0.1", port.get(Mt.TIMEOUT_SECONDS, TimeUnit.SECONDS))) {
                s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(Mt.TIMEOUT_SECONDS));
                s.getOutputStream().write(AMQP_HEADER);
                InputStream in = s.getInputStream();
                assertArrayEquals("round " + round + ": the container answers the header", AMQP_HEADER, in.readNBytes(8));
            }
            Mt.await(run);
            assertEquals(1, opened.get());
        }
    }
}
