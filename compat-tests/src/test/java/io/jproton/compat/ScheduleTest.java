package io.jproton.compat;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jproton.Container;
import io.jproton.MessagingHandler;
import io.jproton.WorkHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Container.schedule: order, cancel, and how scheduled work keeps an auto-stopping container alive. */
public class ScheduleTest {

    @Test
    public void workRunsInDeadlineOrderAndCancelledWorkDoesNot() throws Exception {
        List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.Map<String, Long> after = new java.util.concurrent.ConcurrentHashMap<>();
        Thread[] runThread = new Thread[1];
        List<Thread> workThreads = java.util.Collections.synchronizedList(new ArrayList<>());
        long[] start = {0};
        Container c = new Container(new MessagingHandler() {
            void ran(String what) {
                ran.add(what);
                after.put(what, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start[0]));
                workThreads.add(Thread.currentThread());
            }

            @Override
            public void onContainerStart(Container c) {
                runThread[0] = Thread.currentThread();
                start[0] = System.nanoTime();
                c.schedule(Duration.ofMillis(60), () -> ran("60"));
                c.schedule(Duration.ofMillis(20), () -> ran("20"));
                WorkHandle h = c.schedule(Duration.ofMillis(40), () -> ran.add("40-cancelled"));
                c.schedule(Duration.ZERO, () -> ran("0"));
                assertTrue(h.cancel());
                assertFalse("a second cancel has nothing to cancel", h.cancel());
            }

            @Override
            public void onContainerStop(Container c) {
                ran.add("stop");
            }
        });
        Run.bounded(c);
        // never early (an upper bound would fail on a loaded machine; a lower one cannot)
        assertTrue("20 ms work ran after " + after.get("20") + " ms", after.get("20") >= 20);
        assertTrue("60 ms work ran after " + after.get("60") + " ms", after.get("60") >= 60);
        if (Run.THREADS > 1) {
            // several threads: each piece of container work may go to another loop, and with
            // nothing to serialize them (as in C++) they keep no order among themselves
            assertEquals(java.util.Set.of("0", "20", "60", "stop"), java.util.Set.copyOf(ran));
            assertEquals(4, ran.size());
            assertEquals("onContainerStop comes after all the work", "stop", ran.get(3));
            return;
        }
        assertEquals(List.of("0", "20", "60", "stop"), ran);
        for (Thread t : workThreads) {
            assertEquals(runThread[0], t);
        }
    }

    @Test
    public void cancelledLongTimersDoNotDelayAutoStop() throws Exception {
        long start = System.nanoTime();
        boolean[] ran = {false};
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                WorkHandle h = c.schedule(Duration.ofHours(1), () -> ran[0] = true);
                c.schedule(Duration.ofMillis(10), h::cancel);
            }
        });
        Run.bounded(c);
        assertFalse(ran[0]);
        assertTrue("run() returned promptly", System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
    }

    @Test
    public void workScheduledFromWorkRuns() throws Exception {
        int[] count = {0};
        Container c = new Container(new MessagingHandler() {
            void tick(Container c) {
                if (++count[0] < 5) {
                    c.schedule(Duration.ofMillis(1), () -> tick(c));
                }
            }

            @Override
            public void onContainerStart(Container c) {
                c.schedule(Duration.ofMillis(1), () -> tick(c));
            }
        });
        Run.bounded(c);
        assertEquals(5, count[0]);
    }

    @Test(expected = IllegalArgumentException.class)
    public void negativeDelayIsRejected() {
        new Container().schedule(Duration.ofMillis(-1), () -> { });
    }
}
