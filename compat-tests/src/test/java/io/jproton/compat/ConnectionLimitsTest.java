package io.jproton.compat;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.ErrorCondition;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.MessagingHandler;
import io.jproton.Transport;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * The limits that keep peers from holding a listener's resources: connections that never open
 * time out, and a listener keeps at most its max connections open.
 */
public class ConnectionLimitsTest {

    /** @return true if the server closes the socket within the time (end of stream or reset), false if it stays open */
    private static boolean closedWithin(Socket s, long millis) throws Exception {
        s.setSoTimeout((int) millis);
        InputStream in = s.getInputStream();
        byte[] buf = new byte[1024];
        try {
            while (in.read(buf) >= 0) {
                // whatever the server says before it closes
            }
            return true;
        } catch (SocketTimeoutException open) {
            return false;
        } catch (java.io.IOException reset) {
            return true;
        }
    }

    @Test
    public void aConnectionThatNeverOpensTimesOut() throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        CompletableFuture<ErrorCondition> error = new CompletableFuture<>();
        FutureTask<Void> run = Run.start(new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                Listener l = c.listen("127.0.0.1:0", new ListenHandler() {
                    @Override
                    public ConnectionOptions onAccept(Listener l) {
                        l.stop();
                        return null;
                    }
                }, new ConnectionOptions().handshakeTimeout(Duration.ofMillis(500)));
                port.complete(l.port());
            }

            @Override
            public void onTransportError(Transport t) {
                error.complete(t.error());
            }
        }));
        long start = System.nanoTime();
        try (Socket s = new Socket("127.0.0.1", port.get(Run.TIMEOUT_SECONDS, TimeUnit.SECONDS))) {
            s.getOutputStream().write(new byte[] {'A', 'M', 'Q', 'P', 0, 1, 0, 0}); // the header, then silence
            assertTrue("closed by the handshake timeout", closedWithin(s, TimeUnit.SECONDS.toMillis(Run.TIMEOUT_SECONDS)));
        }
        long after = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue("closed after " + after + " ms", after >= 450);
        ErrorCondition e = error.get(Run.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals("amqp:resource-limit-exceeded", e.name());
        assertTrue(e.description(), e.description().contains("handshake timeout"));
        Run.join(run);
    }

    @Test
    public void aClientGivesUpOnAServerThatNeverAnswers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            ErrorCondition[] error = {null};
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.add(silent.accept()); // and never a byte back
                } catch (java.io.IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Run.bounded(new Container(new MessagingHandler() {
                @Override
                public void onContainerStart(Container c) {
                    c.connect("127.0.0.1:" + silent.getLocalPort(), new ConnectionOptions().handshakeTimeout(Duration.ofMillis(500)));
                }

                @Override
                public void onTransportError(Transport t) {
                    error[0] = t.error();
                }
            }));
            assertNotNull(error[0]);
            assertEquals("amqp:resource-limit-exceeded", error[0].name());
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    public void aListenerKeepsAtMostItsMaxConnections() throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        int[] accepted = {0};
        java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
        Container container = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                Listener l = c.listen("127.0.0.1:0", new ListenHandler() {
                    @Override
                    public ConnectionOptions onAccept(Listener l) {
                        accepted[0]++;
                        return null;
                    }
                }, new ConnectionOptions().maxConnections(3));
                port.complete(l.port());
            }

            @Override
            public void onTransportError(Transport t) {
                // the test's sockets close without a word: expected here
            }
        });
        container.externalLock(lock);
        FutureTask<Void> run = Run.start(container);
        int p = port.get(Run.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<Socket> kept = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Socket s = new Socket("127.0.0.1", p);
            s.getOutputStream().write(new byte[] {'A', 'M', 'Q', 'P', 0, 1, 0, 0});
            kept.add(s);
        }
        for (Socket s : kept) {
            assertTrue("the first three stay open", !closedWithin(s, 300));
        }
        try (Socket refused = new Socket("127.0.0.1", p)) {
            assertTrue("the fourth is closed at once", closedWithin(refused, TimeUnit.SECONDS.toMillis(Run.TIMEOUT_SECONDS)));
        }
        kept.remove(0).close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Run.TIMEOUT_SECONDS);
        boolean admitted = false;
        while (!admitted && System.nanoTime() < deadline) {
            Socket again = new Socket("127.0.0.1", p);
            again.getOutputStream().write(new byte[] {'A', 'M', 'Q', 'P', 0, 1, 0, 0});
            admitted = !closedWithin(again, 300); // once the closed one has finished, there is room again
            if (admitted) {
                kept.add(again);
            } else {
                again.close();
            }
        }
        assertTrue("room again after one closed", admitted);
        lock.lock();
        try {
            container.stop(); // as an application thread may, holding the container's external lock
        } finally {
            lock.unlock();
        }
        Run.join(run);
        for (Socket s : kept) {
            s.close();
        }
        assertEquals("onAccept for the admitted connections only", 4, accepted[0]);
    }
}
