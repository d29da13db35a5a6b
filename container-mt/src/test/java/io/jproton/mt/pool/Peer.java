package io.jproton.mt.pool;

import static org.junit.Assert.assertTrue;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.ErrorCondition;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Receiver;
import io.jproton.ReceiverOptions;
import io.jproton.Transport;
import io.jproton.WorkQueue;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The peer of the pool tests: a listener in a multi-threaded container of its own that receives
 * messages and decides each by its subject ({@code reject}, {@code release}, {@code modify},
 * {@code hold}: keep it unsettled until {@link #settleHeld}; anything else is accepted), counts
 * what it received by body, and can close every connection it has. Its counters are thread-safe;
 * its connections and deliveries are touched only in their work queues.
 */
final class Peer implements AutoCloseable {
    static final long TIMEOUT_SECONDS = 60;
    /** The error a {@code reject} subject is rejected with. */
    static final ErrorCondition REJECTION = new ErrorCondition("amqp:precondition-failed", "rejected by the test peer");
    /** An address whose links the peer refuses (closes at once with {@code amqp:not-found}). */
    static final String REFUSED_ADDRESS = "refused";

    private record Held(Delivery delivery, WorkQueue workQueue) { }

    final ConcurrentHashMap<Object, AtomicInteger> received = new ConcurrentHashMap<>();
    final AtomicInteger receivedCount = new AtomicInteger();
    /** Integer bodies in arrival order, by connection (for order checks). */
    private final ConcurrentHashMap<Connection, java.util.List<Integer>> arrivals = new ConcurrentHashMap<>();
    final AtomicInteger opened = new AtomicInteger();
    final Semaphore closed = new Semaphore(0);
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Held> held = new ConcurrentLinkedQueue<>();
    private final Semaphore heldCount = new Semaphore(0);
    private final Container container;
    private final Listener listener;
    private final CompletableFuture<Void> run = new CompletableFuture<>();

    Peer() {
        MessagingHandler handler = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                connections.add(c);
                opened.incrementAndGet();
            }

            @Override
            public void onReceiverOpen(Receiver r) {
                if (REFUSED_ADDRESS.equals(r.target().address())) {
                    r.close(new ErrorCondition("amqp:not-found", "no such node: " + REFUSED_ADDRESS));
                    return;
                }
                r.open(new ReceiverOptions().autoAccept(false).creditWindow(500));
            }

            @Override
            public void onMessage(Delivery d, Message m) {
                received.computeIfAbsent(m.body(), k -> new AtomicInteger()).incrementAndGet();
                receivedCount.incrementAndGet();
                if (m.body() instanceof Integer id) {
                    // one connection's callbacks are serialized: its list needs no lock
                    arrivals.computeIfAbsent(d.connection(), k -> new java.util.ArrayList<>()).add(id);
                }
                String subject = m.subject() == null ? "" : m.subject();
                switch (subject) {
                    case "reject" -> rejectWith(d, REJECTION);
                    case "release" -> d.release();
                    case "modify" -> d.modify();
                    case "hold" -> {
                        held.add(new Held(d, d.connection().workQueue()));
                        heldCount.release();
                    }
                    default -> d.accept();
                }
            }

            @Override
            public void onTransportClose(Transport t) {
                connections.remove(t.connection());
                closed.release();
            }

            @Override
            public void onError(ErrorCondition condition) {
                // the tests close connections under the peer's feet
            }
        };
        container = new Container(new MessagingHandler() { });
        container.autoStop(false);
        listener = container.listen("127.0.0.1:0", new ListenHandler() {
            @Override
            public ConnectionOptions onAccept(Listener l) {
                return new ConnectionOptions().handler(handler);
            }
        });
        Thread t = new Thread(() -> {
            try {
                container.run(2);
                run.complete(null);
            } catch (Throwable e) {
                run.completeExceptionally(e);
            }
        }, "peer-run");
        t.setDaemon(true);
        t.start();
    }

    /** The public API rejects without a condition; the engine's own reject(condition) is what a broker would send. */
    private static void rejectWith(Delivery d, ErrorCondition error) {
        try {
            Method m = d.getClass().getDeclaredMethod("reject", ErrorCondition.class);
            m.setAccessible(true);
            m.invoke(d, error);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    String url() {
        return "127.0.0.1:" + listener.port();
    }

    int port() {
        return listener.port();
    }

    /** Waits until n messages are held. */
    void awaitHeld(int n) throws InterruptedException {
        assertTrue("the peer holds " + n + " messages", heldCount.tryAcquire(n, TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    /** Accepts every held message, each in its connection's context. */
    void settleHeld() {
        Held h;
        while ((h = held.poll()) != null) {
            Delivery d = h.delivery();
            h.workQueue().add(d::accept);
        }
    }

    /** Closes every connection with the condition (null: a plain close). */
    void closeConnections(ErrorCondition condition) {
        for (Connection c : connections) {
            c.workQueue().add(() -> c.close(condition));
        }
    }

    /** Waits until n connections have closed (in all, since the last call). */
    void awaitClosed(int n) throws InterruptedException {
        assertTrue("the peer saw " + n + " connections close", closed.tryAcquire(n, TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    /**
     * @param perSender integer bodies {@code k * perSender ...} come from sending thread k, in order
     * @return how many arrived, on some connection, after a later body of the same thread
     */
    int outOfOrder(int perSender) {
        int n = 0;
        for (java.util.List<Integer> ids : arrivals.values()) {
            java.util.Map<Integer, Integer> last = new java.util.HashMap<>();
            for (int id : ids) {
                Integer previous = last.put(id / perSender, id);
                if (previous != null && previous > id) {
                    n++;
                }
            }
        }
        return n;
    }

    int count(Object body) {
        AtomicInteger n = received.get(body);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() throws java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        container.stop();
        awaitRun(run);
    }

    /** Waits for a container's run to end; an interrupt fails the test (and is kept). */
    static void awaitRun(CompletableFuture<Void> run) throws java.util.concurrent.ExecutionException,
            java.util.concurrent.TimeoutException {
        try {
            run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the container stopped", e);
        }
    }
}
