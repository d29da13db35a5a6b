package io.jproton.mt;

import static org.junit.Assert.assertNotNull;

import io.jproton.Container;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.Transport;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * Once a connection has finished, the multi-threaded container lets any thread touch its objects;
 * doing so must not touch its loop's state from that thread (the loop's list of connections to
 * flush is the loop thread's alone; the tests run with assertions on, which check it).
 */
public class FinishedConnectionTest {

    @Test
    public void aFinishedConnectionsObjectsMayBeClosedFromAnApplicationThread() throws Exception {
        int refused;
        try (ServerSocket s = new ServerSocket(0)) {
            refused = s.getLocalPort(); // closed at once: nothing listens there
        }
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onTransportClose(Transport t) {
                // work added in the last callback runs after it, once the connection has finished
                t.connection().workQueue().add(() -> closed.complete(null));
            }

            @Override
            public void onTransportError(Transport t) {
                // the refused connect: expected
            }
        });
        c.autoStop(false);
        CompletableFuture<Void> run = Mt.start(c, 2);
        try {
            Sender sender = c.openSender("amqp://127.0.0.1:" + refused + "/q");
            closed.get(Mt.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            // the lost connection's sender and connection are still open locally: closing them is legal here
            sender.close();
            sender.connection().close();
            assertNotNull("the connect was refused", sender.connection().transport().error());
        } finally {
            c.stop();
        }
        Mt.await(run);
    }
}
