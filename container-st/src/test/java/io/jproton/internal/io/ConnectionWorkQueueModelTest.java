package io.jproton.internal.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.Lincheck;
import org.junit.Test;

/**
 * A connection's work queue ({@link SocketConnection#addWork}) under Lincheck's model checker
 * (docs/concurrency.md): two threads add work while, on the loop, the connection finishes and then
 * the container does, as soon as nothing keeps it running. An add that returned true has its work
 * run exactly once (also when the connection has finished by then: the promise is the
 * container's); an add that returned false never has it run; and an add made after the adding
 * thread saw the connection finished returns false.
 *
 * <p>The real connection (made without a socket or a driver, which this path does not touch), the
 * real loop and keep-alive, thread-safe as in the multi-threaded container. The connection is
 * counted in the keep-alive as the container counts it. It finishes through {@link
 * SocketConnection#abort()}, which sets the same {@code finished} flag as the normal finish (whose
 * callbacks need a driver); the test then releases the connection's count, as the container's
 * {@code onFinished} does after the normal finish. The loop thread turns once (work added by then
 * runs while the connection is open), finishes the connection, and turns until the container
 * finishes as {@code SingleThreadedContainer.run()} does, polling ({@code turn(false)}) instead of
 * blocking in its selector: a thread blocked in the kernel is out of the model checker's hands, and
 * polling only adds interleavings (the wake-up of a blocking wait has WakeupLatchModelTest).
 */
public class ConnectionWorkQueueModelTest {
    @Test
    public void addedWorkRunsOnceRefusedWorkNeverAndAFinishedConnectionRefuses() {
        Lincheck.runConcurrentTest(200, () -> {
            KeepAlive keepAlive = new KeepAlive();
            EventLoop loop = new EventLoop("test", Confinement.CONNECTION, keepAlive, new FakeTicker());
            SocketConnection connection = new SocketConnection(loop, c -> { }, () -> false);
            assertTrue(keepAlive.tryAcquire()); // the container counts the connection while it is open
            AtomicInteger ran1 = new AtomicInteger();
            AtomicInteger ran2 = new AtomicInteger();
            AtomicBoolean added1 = new AtomicBoolean();
            AtomicBoolean added2 = new AtomicBoolean();
            ModelThreads threads = new ModelThreads();
            threads.start(() -> {
                loop.thread(Thread.currentThread());
                try {
                    loop.turn(false);
                    connection.abort(); // the connection finishes...
                    keepAlive.release(); // ...and the container no longer counts it
                    while (loop.hasQueuedWork() || !keepAlive.tryClose()) {
                        loop.turn(false);
                    }
                } finally {
                    loop.thread(null);
                }
            });
            threads.start(() -> add(connection, ran1, added1));
            threads.start(() -> add(connection, ran2, added2));
            try {
                threads.joinAll();
            } finally {
                loop.close();
            }
            assertEquals("added: " + added1.get(), added1.get() ? 1 : 0, ran1.get());
            assertEquals("added: " + added2.get(), added2.get() ? 1 : 0, ran2.get());
            assertTrue("the container has finished", keepAlive.closed());
        });
    }

    private static void add(SocketConnection connection, AtomicInteger ran, AtomicBoolean added) {
        boolean finishedBefore = connection.finished();
        boolean ok = connection.addWork(ran::incrementAndGet);
        added.set(ok);
        if (finishedBefore) {
            assertFalse("work added to a connection seen finished", ok);
        }
    }
}
