package io.jproton.internal.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.Test;

public class TimerQueueTest {
    private static final Runnable NOTHING = () -> { };

    @Test
    public void timersComeOutByDeadlineThenInTheOrderAdded() {
        TimerQueue q = new TimerQueue();
        TimerQueue.Timer late = q.add(30, NOTHING);
        TimerQueue.Timer first = q.add(10, NOTHING);
        TimerQueue.Timer second = q.add(10, NOTHING);
        TimerQueue.Timer mid = q.add(20, NOTHING);
        assertNull("nothing is due before its deadline", q.pollDue(9));
        assertEquals(1, q.untilNext(9));
        assertSame(first, q.pollDue(10));
        assertSame(second, q.pollDue(10));
        assertNull(q.pollDue(19));
        assertSame(mid, q.pollDue(100));
        assertSame(late, q.pollDue(100));
        assertNull(q.pollDue(100));
        assertEquals(-1, q.untilNext(100));
    }

    @Test
    public void untilNextIsZeroOnceDue() {
        TimerQueue q = new TimerQueue();
        q.add(50, NOTHING);
        assertEquals(50, q.untilNext(0));
        assertEquals(0, q.untilNext(50));
        assertEquals(0, q.untilNext(80));
    }

    @Test
    public void cancelTakesATimerOutOnceAndAPolledTimerCannotBeCancelled() {
        TimerQueue q = new TimerQueue();
        TimerQueue.Timer a = q.add(10, NOTHING);
        TimerQueue.Timer b = q.add(20, NOTHING);
        assertTrue(a.cancel());
        assertFalse("a second cancel has nothing to take out", a.cancel());
        assertEquals(1, q.size());
        assertEquals("the cancelled timer no longer shortens the wait", 20, q.untilNext(0));
        assertSame(b, q.pollDue(20));
        assertFalse("already run", b.cancel());
        assertEquals(0, q.size());
    }

    @Test
    public void deadlinesAcrossTheWrapOfTheClockKeepTheirOrder() {
        TimerQueue q = new TimerQueue();
        long now = Long.MAX_VALUE - 5;
        TimerQueue.Timer after = q.add(now + 20, NOTHING); // wraps to a negative number
        TimerQueue.Timer before = q.add(now + 2, NOTHING);
        assertEquals(2, q.untilNext(now));
        assertSame(before, q.pollDue(now + 2));
        assertNull(q.pollDue(now + 19));
        assertSame(after, q.pollDue(now + 20));
    }

    /** Random adds, cancels and polls against a sorted list: the heap must agree at every step. */
    @Test
    public void agreesWithASortedListUnderRandomAddsCancelsAndPolls() {
        for (long seed = 1; seed <= 20; seed++) {
            Random r = new Random(seed);
            TimerQueue q = new TimerQueue();
            List<TimerQueue.Timer> model = new ArrayList<>();
            Comparator<TimerQueue.Timer> order = Comparator.<TimerQueue.Timer>comparingLong(t -> t.deadline).thenComparingLong(t -> t.seq);
            long now = 0;
            for (int step = 0; step < 5_000; step++) {
                int op = r.nextInt(10);
                if (op < 5) {
                    model.add(q.add(now + r.nextInt(1000), NOTHING));
                } else if (op < 8 && !model.isEmpty()) {
                    TimerQueue.Timer t = model.remove(r.nextInt(model.size()));
                    assertTrue("seed " + seed + " step " + step, t.cancel());
                } else {
                    now += r.nextInt(50);
                    model.sort(order);
                    TimerQueue.Timer t;
                    while ((t = q.pollDue(now)) != null) {
                        assertSame("seed " + seed + " step " + step, model.remove(0), t);
                    }
                    assertTrue("seed " + seed + ": a due timer was left behind", model.isEmpty() || model.get(0).deadline > now);
                }
                assertEquals(model.size(), q.size());
            }
        }
    }

    @Test
    public void aBurstOfTimersDoesNotKeepItsMemory() throws Exception {
        TimerQueue q = new TimerQueue();
        List<TimerQueue.Timer> all = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            all.add(q.add(i, NOTHING));
        }
        for (TimerQueue.Timer t : all) {
            t.cancel();
        }
        java.lang.reflect.Field heap = TimerQueue.class.getDeclaredField("heap");
        heap.setAccessible(true);
        assertTrue(((Object[]) heap.get(q)).length <= 64);
    }
}
