package io.jproton.mt;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Endpoint;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.MessagingHandler;
import io.jproton.ReceiverOptions;
import io.jproton.SenderOptions;
import io.jproton.ThreadSafe;
import io.jproton.WorkHandle;
import io.jproton.WorkQueue;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.Test;

/**
 * Every method marked {@link ThreadSafe} really is callable from a foreign application thread on
 * the multi-threaded container while it runs; the test knows each one by name, so a newly marked
 * method fails it until it is exercised here too.
 */
public class ThreadSafeCallsTest {

    private static Set<String> marked() {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : new Class<?>[] {Container.class, Connection.class, Endpoint.class, Listener.class,
            WorkQueue.class, WorkHandle.class}) {
            for (Method m : type.getDeclaredMethods()) {
                if (m.isAnnotationPresent(ThreadSafe.class)) {
                    names.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        return names;
    }

    @Test
    public void everyMarkedMethodWorksFromAnApplicationThread() throws Exception {
        CompletableFuture<Connection> opened = new CompletableFuture<>();
        Set<String> ran = ConcurrentHashMap.newKeySet();
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection conn) {
                opened.complete(conn);
            }
        });
        c.autoStop(false);
        CompletableFuture<Void> run = Mt.start(c, 2);
        // everything below runs on this application thread, none of the container's
        Listener l = c.listen("127.0.0.1:0", new ListenHandler() { });
        String url = Mt.url(l);
        Connection conn = c.connect(url, new ConnectionOptions());
        Connection opened1 = opened.get(Mt.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        ran.add("Container.connect");
        ran.add("Container.listen");
        c.openSender(url + "/q");
        c.openSender(url + "/q", null);
        c.openSender(url + "/q", null, null);
        ran.add("Container.openSender");
        c.openReceiver(url + "/q");
        c.openReceiver(url + "/q", null);
        c.openReceiver(url + "/q", null, null);
        ran.add("Container.openReceiver");
        CompletableFuture<Void> scheduled = new CompletableFuture<>();
        c.schedule(Duration.ofMillis(1), () -> scheduled.complete(null));
        scheduled.get(Mt.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        ran.add("Container.schedule");
        WorkHandle far = c.schedule(Duration.ofHours(1), () -> { });
        assertTrue(c.cancel(far));
        ran.add("Container.cancel");
        assertTrue("a pending timer cancels", c.schedule(Duration.ofHours(1), () -> { }).cancel());
        ran.add("WorkHandle.cancel");
        CompletableFuture<Void> containerWork = new CompletableFuture<>();
        assertTrue(c.workQueue().add(() -> containerWork.complete(null)));
        c.newWorkQueue().execute(() -> { });
        containerWork.get(Mt.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        ran.add("Container.workQueue");
        ran.add("Container.newWorkQueue");
        assertTrue(c.id() != null && c.provider().equals("mt"));
        ran.add("Container.id");
        ran.add("Container.provider");
        ConnectionOptions client = new ConnectionOptions().containerId("from-app-thread");
        c.clientConnectionOptions(client);
        assertEquals("from-app-thread", c.clientConnectionOptions().containerId());
        ran.add("Container.clientConnectionOptions");
        c.serverConnectionOptions(new ConnectionOptions().containerId("server-side"));
        assertEquals("server-side", c.serverConnectionOptions().containerId());
        ran.add("Container.serverConnectionOptions");
        c.senderOptions(new SenderOptions().name("s"));
        assertEquals("s", c.senderOptions().name());
        ran.add("Container.senderOptions");
        c.receiverOptions(new ReceiverOptions().name("r"));
        assertEquals("r", c.receiverOptions().name());
        ran.add("Container.receiverOptions");
        c.metricsRecorder(null); // counting nothing, as before; set from an application thread while running
        ran.add("Container.metricsRecorder");
        try {
            c.externalLock(new ReentrantLock());
            fail("the external lock is set before run()");
        } catch (IllegalStateException expected) {
            // a defined answer from any thread while the container runs
        }
        ran.add("Container.externalLock");
        WorkQueue q = conn.workQueue();
        ran.add("Endpoint.workQueue");
        CompletableFuture<Void> work = new CompletableFuture<>();
        assertTrue(q.add(() -> work.complete(null)));
        ran.add("WorkQueue.add");
        CompletableFuture<Void> later = new CompletableFuture<>();
        q.schedule(Duration.ofMillis(1), () -> later.complete(null));
        ran.add("WorkQueue.schedule");
        CompletableFuture<Void> executed = new CompletableFuture<>();
        q.execute(() -> executed.complete(null));
        ran.add("WorkQueue.execute");
        CompletableFuture.allOf(work, later, executed).get(Mt.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        opened1.wake();
        ran.add("Connection.wake");
        assertTrue(l.port() > 0);
        ran.add("Listener.port");
        l.stop();
        ran.add("Listener.stop");
        c.stop();
        c.stop(null);
        ran.add("Container.stop");
        Mt.await(run);
        assertEquals("the marked methods and the ones this test calls from an application thread", marked(), ran);
    }
}
