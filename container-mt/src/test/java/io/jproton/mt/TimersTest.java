package io.jproton.mt;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jproton.Container;
import io.jproton.MessagingHandler;
import io.jproton.WorkHandle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.Test;

/** Scheduled work and cancel from any thread. */
public class TimersTest {

    @Test
    public void cancelRacingWithADueTimerEitherCancelsOrRunsNeverBoth() throws Exception {
        // Proton C++ PROTON-2792. Most timers race: due within microseconds, cancelled a few
        // schedules later. Every 7th is far off (its cancel must win); every 11th is cancelled only
        // after it has run (its cancel must lose): both outcomes are certain to be exercised.
        int n = 20_000;
        AtomicIntegerArray ran = new AtomicIntegerArray(n);
        boolean[] cancelled = new boolean[n];
        Container c = new Container(new MessagingHandler() { });
        c.autoStop(false);
        CompletableFuture<Void> run = Mt.start(c, 2);
        WorkHandle[] handles = new WorkHandle[n];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Mt.TIMEOUT_SECONDS);
        for (int i = 0; i < n; i++) {
            int id = i;
            Duration delay = i % 7 == 0 ? Duration.ofHours(1) : Duration.ofNanos((i % 20) * 1000L);
            handles[i] = c.schedule(delay, () -> ran.incrementAndGet(id));
            int victim = i - 5;
            if (victim >= 0) {
                if (victim % 11 == 0 && victim % 7 != 0) {
                    while (ran.get(victim) == 0 && System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                    }
                }
                cancelled[victim] = handles[victim].cancel();
            }
        }
        for (int i = n - 5; i < n; i++) {
            cancelled[i] = handles[i].cancel();
        }
        for (int i = 0; i < n; i++) {
            while (!cancelled[i] && ran.get(i) == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // not cancelled: it must run, soon
            }
        }
        c.stop();
        Mt.await(run);
        int raced = 0;
        for (int i = 0; i < n; i++) {
            assertEquals("timer " + i + (cancelled[i] ? " was cancelled" : " was not cancelled"),
                    cancelled[i] ? 0 : 1, ran.get(i));
            assertTrue("a second cancel is refused", !handles[i].cancel());
            if (i % 7 == 0 && i < n - 5) {
                assertTrue("a far-off timer " + i + " is cancelled", cancelled[i]);
            } else if (i % 11 == 0 && i < n - 5) {
                assertTrue("a timer " + i + " that has run cannot be cancelled", !cancelled[i]);
            } else if (cancelled[i]) {
                raced++;
            }
        }
        System.out.println("racing timers cancelled before they ran: " + raced);
    }

    @Test
    public void cancelledTimersDoNotKeepTheContainerRunning() throws Exception {
        // Proton C++ PROTON-2834
        for (int threads = 1; threads <= 2; threads++) {
            Container c = new Container(new MessagingHandler() {
                @Override
                public void onContainerStart(Container container) {
                    WorkHandle far = container.schedule(Duration.ofHours(1), () -> { });
                    container.schedule(Duration.ofMillis(10), far::cancel);
                }
            });
            long start = System.nanoTime();
            Mt.run(c, threads);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // the run's own timeout is 60 s: 10 s is far above the 10 ms this takes, far below the hour the timer had
            assertTrue("run() ended once its only timer was cancelled (" + ms + " ms)", ms < 10_000);
        }
    }

    @Test
    public void stopDropsPendingTimersAndReturnsAtOnce() throws Exception {
        Container c = new Container(new MessagingHandler() { });
        c.autoStop(false);
        int[] ran = {0};
        for (int i = 0; i < 100; i++) {
            c.schedule(Duration.ofHours(1), () -> ran[0]++); // from the application thread, before run()
        }
        CompletableFuture<Void> run = Mt.start(c, 2);
        c.schedule(Duration.ofMillis(5), c::stop);
        Mt.await(run);
        assertEquals(0, ran[0]);
    }

    @Test
    public void theContainersWorkQueueRunsItsWorkInOrderOnePieceAtATime() throws Exception {
        Container c = new Container(new MessagingHandler() { });
        c.autoStop(false); // the work is added after run() starts; an idle auto-stopping container would end first
        int n = 50_000;
        int[] next = {0};
        int[] wrong = {0};
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        CompletableFuture<Void> run = Mt.start(c, 4);
        io.jproton.WorkQueue q = c.workQueue();
        for (int i = 0; i < n; i++) {
            int id = i;
            assertTrue(q.add(() -> {
                if (inside.getAndIncrement() != 0 || next[0] != id) {
                    wrong[0]++;
                }
                next[0]++;
                inside.decrementAndGet();
            }));
        }
        assertTrue(q.add(c::stop)); // the last piece, in order
        Mt.await(run);
        assertEquals(0, wrong[0]);
        assertEquals(n, next[0]);
        assertTrue("a finished container's work queue refuses work", !q.add(() -> { }));
    }
}
