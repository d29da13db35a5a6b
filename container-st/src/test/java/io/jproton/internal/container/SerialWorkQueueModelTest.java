package io.jproton.internal.container;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jproton.WorkQueue;
import io.jproton.internal.io.Confinement;
import io.jproton.internal.io.EventLoop;
import io.jproton.internal.io.ModelThreads;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import org.jetbrains.lincheck.Lincheck;
import org.junit.Test;

/**
 * The container's work queue ({@link SerialWorkQueue}) under Lincheck's model checker
 * (docs/concurrency.md): two threads add work while the container's loop runs and finishes as
 * soon as nothing keeps it running. An add that returned true has its work run exactly once, before
 * the container finishes; an add that returned false never has it run.
 *
 * <p>The real queue and the real keep-alive of a real {@link ContainerBase}, thread-safe as in the
 * multi-threaded container, with one loop that shares its keep-alive as the single-threaded
 * container's does. The loop thread turns it and ends as {@code SingleThreadedContainer.run()}
 * does (no queued work, and {@link ContainerBase#finishedRunning()}), but polls
 * ({@code turn(false)}) instead of blocking in its selector, since a thread blocked in the kernel
 * is out of the model checker's hands; polling only adds interleavings, and the wake-up that ends a
 * blocking wait is checked on its own in {@code WakeupLatchModelTest}.
 */
public class SerialWorkQueueModelTest {
    /** A container with one loop, run by {@link #runLoop()}; nothing else of it is used. */
    static final class ModelContainer extends ContainerBase {
        /** Its clock stands still: no timer here, and the model checker wants every run alike. */
        private final EventLoop loop = new EventLoop("test", Confinement.CONNECTION, keepAlive, () -> 0L);

        ModelContainer() {
            super(null, null, "model", Confinement.CONNECTION);
        }

        @Override
        protected EventLoop nextLoop() {
            return loop;
        }

        @Override
        protected void wakeAll() {
            loop.wakeup();
        }

        @Override
        public void run(int threads) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void externalLock(Lock lock) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String providerName() {
            return "model";
        }

        /** One run of the loop, as the single-threaded container's run() turns it, polling. */
        void runLoop() {
            loop.thread(Thread.currentThread());
            try {
                while (loop.hasQueuedWork() || !finishedRunning()) {
                    loop.turn(false);
                }
            } finally {
                loop.thread(null);
            }
        }
    }

    @Test
    public void addedWorkRunsOnceAndRefusedWorkNever() {
        Lincheck.runConcurrentTest(200, () -> {
            ModelContainer c = new ModelContainer();
            WorkQueue q = c.workQueue();
            AtomicInteger ran1 = new AtomicInteger();
            AtomicInteger ran2 = new AtomicInteger();
            AtomicBoolean added1 = new AtomicBoolean();
            AtomicBoolean added2 = new AtomicBoolean();
            ModelThreads threads = new ModelThreads();
            threads.start(c::runLoop);
            threads.start(() -> added1.set(q.add(ran1::incrementAndGet)));
            threads.start(() -> added2.set(q.add(ran2::incrementAndGet)));
            try {
                threads.joinAll();
            } finally {
                c.loop.close();
            }
            assertEquals("added: " + added1.get(), added1.get() ? 1 : 0, ran1.get());
            assertEquals("added: " + added2.get(), added2.get() ? 1 : 0, ran2.get());
            assertTrue("the container has finished", c.keepAlive.closed());
        });
    }
}
