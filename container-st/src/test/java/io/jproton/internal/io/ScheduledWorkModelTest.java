package io.jproton.internal.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jproton.WorkHandle;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.Lincheck;
import org.junit.Test;

/**
 * {@link ScheduledWork} under Lincheck's model checker (docs/concurrency.md): work scheduled on a
 * loop comes due while two other threads cancel it. Exactly one of them wins: the work runs, or
 * one {@code cancel()} returns true; and whichever it is, the container's count is released exactly
 * once (so the container finishes, and is told it is idle once).
 *
 * <p>All real: {@link EventLoop#scheduleWork}, the loop's timer queue, the cancel's hand-off of
 * the timer to the loop, on a loop whose calls are thread-safe as in the multi-threaded container.
 * The loop thread polls ({@code turn(false)}) instead of blocking in its selector, since a thread
 * blocked in the kernel is out of the model checker's hands (polling only adds interleavings; the
 * wake-up that ends a blocking wait has WakeupLatchModelTest), and stops as the single-threaded
 * container does: no queued work, then the keep-alive closes.
 *
 * <p>Lincheck found that the loop may stop with the cancel's timer hand-off still in its inbox: the
 * loop sees no queued work, the cancelling thread then queues the hand-off and releases its count,
 * and the loop's close succeeds. Harmless: the work is already marked cancelled and cannot run, and
 * a finished container's loop only closes; so the test allows a left-over timer of cancelled work.
 */
public class ScheduledWorkModelTest {
    @Test
    public void cancelAndFireNeverBothWinAndTheCountIsReleasedOnce() {
        Lincheck.runConcurrentTest(100, () -> {
            KeepAlive keepAlive = new KeepAlive();
            AtomicInteger idle = new AtomicInteger();
            keepAlive.onIdle(idle::incrementAndGet);
            EventLoop loop = new EventLoop("test", Confinement.CONNECTION, keepAlive, new FakeTicker());
            AtomicInteger ran = new AtomicInteger();
            WorkHandle work = loop.scheduleWork(Duration.ZERO, ran::incrementAndGet); // due at the loop's next look
            AtomicBoolean cancelled1 = new AtomicBoolean();
            AtomicBoolean cancelled2 = new AtomicBoolean();
            ModelThreads threads = new ModelThreads();
            threads.start(() -> {
                loop.thread(Thread.currentThread());
                try {
                    while (loop.hasQueuedWork() || !keepAlive.tryClose()) {
                        loop.turn(false);
                    }
                } finally {
                    loop.thread(null);
                }
            });
            threads.start(() -> cancelled1.set(work.cancel()));
            cancelled2.set(work.cancel()); // the container's stop cancels the same way (cancelTimers())
            try {
                threads.joinAll();
            } finally {
                loop.close();
            }
            int winners = ran.get() + (cancelled1.get() ? 1 : 0) + (cancelled2.get() ? 1 : 0);
            assertEquals("runs " + ran.get() + ", cancels " + cancelled1.get() + " " + cancelled2.get(), 1, winners);
            assertTrue(keepAlive.closed());
            assertEquals("released exactly once", 0, keepAlive.count());
            assertEquals("told idle exactly once", 1, idle.get());
            assertEquals("no longer pending for the container's stop", 0, keepAlive.scheduledCount());
            if (loop.timerCount() != 0) {
                // the loop may finish with a cancel's hand-off still queued (see the class comment)
                assertEquals("a timer left behind is a cancelled one", 0, ran.get());
            }
        });
    }
}
