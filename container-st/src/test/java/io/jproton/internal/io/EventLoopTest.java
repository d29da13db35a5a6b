package io.jproton.internal.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.WorkHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The loop on its own, on a fake clock: timers, the inbox, wake-ups and confinement. */
public class EventLoopTest {
    private final FakeTicker clock = new FakeTicker();
    private final KeepAlive keepAlive = new KeepAlive();
    private EventLoop loop;

    @Before
    public void open() {
        loop = new EventLoop("use the remedy", Confinement.LOOP, keepAlive, clock);
        loop.thread(Thread.currentThread());
    }

    @After
    public void close() {
        loop.thread(Thread.currentThread());
        loop.thread(null); // forgets this thread's loop too

        loop.close();
    }

    @Test
    public void scheduledWorkRunsWhenTheClockReachesItsDeadlineAndNotBefore() {
        List<String> ran = new ArrayList<>();
        loop.scheduleWork(Duration.ofMillis(100), () -> ran.add("100"));
        loop.scheduleWork(Duration.ofMillis(50), () -> ran.add("50"));
        loop.turn(false);
        assertEquals(List.of(), ran);
        clock.advance(Duration.ofMillis(49));
        loop.turn(false);
        assertEquals(List.of(), ran);
        clock.advance(Duration.ofMillis(1));
        loop.turn(false);
        assertEquals(List.of("50"), ran);
        clock.advance(Duration.ofMillis(49));
        loop.turn(false);
        assertEquals(List.of("50"), ran);
        clock.advance(Duration.ofMillis(1));
        loop.turn(false);
        assertEquals(List.of("50", "100"), ran);
        assertEquals("run work no longer keeps the container running", 0, keepAlive.count());
    }

    @Test
    public void cancelledWorkNeverRunsAndCancelSaysWhetherItCancelled() {
        AtomicInteger ran = new AtomicInteger();
        WorkHandle h = loop.scheduleWork(Duration.ofMillis(10), ran::incrementAndGet);
        WorkHandle other = loop.scheduleWork(Duration.ofMillis(10), ran::incrementAndGet);
        assertEquals(2, keepAlive.count());
        assertTrue(h.cancel());
        assertFalse(h.cancel());
        assertEquals(1, keepAlive.count());
        clock.advance(Duration.ofMillis(10));
        loop.turn(false);
        assertEquals(1, ran.get());
        assertFalse("work that ran cannot be cancelled", other.cancel());
        assertEquals(0, keepAlive.count());
    }

    @Test
    public void aWaitingTurnReturnsForWorkFromAnotherThreadAndRunsIt() throws Exception {
        loop.scheduleWork(Duration.ofDays(1), () -> { }); // the turn would otherwise wait a day
        AtomicInteger ran = new AtomicInteger();
        Thread other = new Thread(() -> loop.execute(ran::incrementAndGet));
        other.start();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread turner = new Thread(() -> {
            loop.thread(Thread.currentThread());
            try {
                while (ran.get() == 0) {
                    loop.turn(true);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        turner.start();
        turner.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse("the turn never woke up for the work", turner.isAlive());
        assertEquals(null, failure.get());
        assertEquals(1, ran.get());
        other.join();
    }

    @Test
    public void aWakeupBeforeTheWaitMakesTheNextTurnNotWait() throws Exception {
        loop.scheduleWork(Duration.ofDays(1), () -> { });
        loop.wakeup();
        Thread turner = new Thread(() -> {
            loop.thread(Thread.currentThread());
            loop.turn(true);
        });
        turner.start();
        turner.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse("a wake-up that came before the wait was lost", turner.isAlive());
    }

    @Test
    public void queuedWorkRunsInOrderAndABusyProducerCannotStarveTimers() {
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            int n = i;
            loop.execute(() -> ran.add(n));
        }
        boolean[] timer = {false};
        loop.scheduleWork(Duration.ZERO, () -> timer[0] = true);
        loop.turn(false);
        assertTrue("the due timer ran in the same turn as the queued work", timer[0]);
        assertTrue("one turn runs a bounded batch (" + ran.size() + ")", ran.size() < 5000 && ran.size() > 0);
        loop.turn(false);
        assertEquals(5000, ran.size());
        for (int i = 0; i < 5000; i++) {
            assertEquals(i, (int) ran.get(i));
        }
    }

    @Test
    public void onlyTheLoopsThreadOrAHolderOfTheExternalLockMayTouchIt() throws Exception {
        loop.checkAccess("here"); // the loop's thread
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Runnable call = () -> {
            try {
                loop.checkAccess("Connection.openSession");
                outcome.set(null);
            } catch (Throwable t) {
                outcome.set(t);
            }
        };
        runOn(call);
        assertTrue(String.valueOf(outcome.get()), outcome.get() instanceof IllegalStateException);
        assertTrue(outcome.get().getMessage(), outcome.get().getMessage().contains("Connection.openSession")
                && outcome.get().getMessage().contains("use the remedy"));

        ReentrantLock lock = new ReentrantLock();
        loop.externalLock(lock);
        runOn(call);
        assertTrue("a thread without the lock is still refused", outcome.get() instanceof IllegalStateException);
        runOn(() -> {
            lock.lock();
            try {
                call.run();
            } finally {
                lock.unlock();
            }
        });
        assertEquals("the lock's holder may", null, outcome.get());

        loop.thread(null);
        loop.externalLock(null);
        runOn(call);
        assertEquals("while no thread runs the loop, any thread may", null, outcome.get());
    }

    /** What each confinement lets another thread do while a thread runs the loop: the one ST/MT difference. */
    @Test
    public void eachConfinementAdmitsWhatItsContainerPromises() throws Exception {
        EventLoop mt = new EventLoop("use the work queue", Confinement.CONNECTION, new KeepAlive(), clock);
        mt.thread(Thread.currentThread());
        Object connection = new Object() {
            @Override
            public String toString() {
                return "connection(c)";
            }
        };
        try {
            List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
            runOn(() -> {
                for (EventLoop l : List.of(loop, mt)) {
                    String model = l == loop ? "LOOP" : "CONNECTION";
                    attempt(refused, model + " running", () -> l.checkAccess("send", connection, true));
                    attempt(refused, model + " finished", () -> l.checkAccess("send", connection, false));
                    attempt(refused, model + " container call", () -> l.checkThreadSafeCall("Container.connect"));
                }
            });
            // ST confines everything, a finished connection too; MT frees container calls and what no loop runs
            assertEquals(List.of("LOOP running", "LOOP finished", "LOOP container call", "CONNECTION running"), refused);
            // on the loop's thread, MT still wants the connection's own context
            IllegalStateException e = null;
            try {
                mt.checkAccess("send", connection, true);
            } catch (IllegalStateException x) {
                e = x;
            }
            assertTrue(String.valueOf(e), e != null && e.getMessage().contains("outside the context of connection(c)")
                    && e.getMessage().contains("(in the context of the container)"));
            mt.callback(connection, () -> mt.checkAccess("send", connection, true)); // its own context: allowed
        } finally {
            mt.thread(null);
            loop.thread(Thread.currentThread());
            mt.close();
        }
    }

    private static void attempt(List<String> refused, String name, Runnable check) {
        try {
            check.run();
        } catch (IllegalStateException e) {
            refused.add(name);
        }
    }

    /** A thread encodes into the scratch buffer of the loop it runs, whichever connection's loop it acts for. */
    @Test
    public void theScratchBufferIsTheCallingThreadsLoops() throws Exception {
        EventLoop other = new EventLoop("x", Confinement.CONNECTION, new KeepAlive(), clock);
        try {
            assertTrue(loop.scratchForCaller() != null);
            assertSame("another loop, asked on this loop's thread, gives this thread's buffer",
                    loop.scratchForCaller(), other.scratchForCaller());
            AtomicReference<Object> seen = new AtomicReference<>("unset");
            runOn(() -> seen.set(loop.scratchForCaller()));
            assertEquals("a thread that runs no loop has none", null, seen.get());
        } finally {
            other.close();
        }
    }

    /** cancel() from another thread racing the loop that runs the work: exactly one of them wins, every time. */
    @Test
    public void cancelRacingTheRunIsExactlyOnceEitherWay() throws Exception {
        int rounds = 2000;
        int cancelled = 0;
        int ran = 0;
        for (int i = 0; i < rounds; i++) {
            AtomicInteger runs = new AtomicInteger();
            WorkHandle h = loop.scheduleWork(Duration.ZERO, runs::incrementAndGet);
            CountDownLatch go = new CountDownLatch(1);
            boolean[] won = {false};
            Thread canceller = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                won[0] = h.cancel();
            });
            canceller.start();
            go.countDown();
            loop.turn(false);
            canceller.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(canceller.isAlive());
            loop.turn(false); // the canceller's clean-up, if it won
            assertEquals("round " + i + ": cancel " + won[0] + ", runs " + runs.get(), 1, (won[0] ? 1 : 0) + runs.get());
            cancelled += won[0] ? 1 : 0;
            ran += runs.get();
        }
        assertEquals("every round released its count exactly once", 0, keepAlive.count());
        assertEquals(rounds, cancelled + ran);
    }

    /**
     * A turn with nothing to do waits (here for a timer a day away) until another thread hands it
     * work, however late that comes: the wake-up reaches a loop that is already waiting.
     */
    @Test
    public void aTurnWithNothingToDoWaitsUntilWorkArrivesFromAnotherThread() throws Exception {
        loop.scheduleWork(Duration.ofDays(1), () -> { });
        loop.turn(false); // the timer is in; nothing else is pending
        AtomicInteger turns = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        Thread turner = new Thread(() -> {
            loop.thread(Thread.currentThread());
            loop.turn(true);
            turns.incrementAndGet();
        });
        turner.start();
        turner.join(300);
        assertTrue("a turn with nothing to do returned at once instead of waiting", turner.isAlive());
        loop.execute(ran::incrementAndGet);
        turner.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse("the waiting turn never woke up for the work", turner.isAlive());
        assertEquals(1, turns.get());
        assertEquals("the work woke the turn and ran in it", 1, ran.get());
        loop.thread(Thread.currentThread());
    }

    @Test
    public void oneTurnRunsAtMostItsBatchOfQueuedWork() {
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < EventLoop.MAX_WORK_PER_TURN + 10; i++) {
            loop.execute(ran::incrementAndGet);
        }
        loop.turn(false);
        assertEquals(EventLoop.MAX_WORK_PER_TURN, ran.get());
        loop.turn(false);
        assertEquals(EventLoop.MAX_WORK_PER_TURN + 10, ran.get());
    }

    /** Hand-offs deferred in a callback run when it returns, in order; outside any callback at once. */
    @Test
    public void afterCurrentCallbackWaitsForTheCallbackToReturn() {
        List<String> order = new ArrayList<>();
        loop.execute(() -> {
            EventLoop.afterCurrentCallback(() -> order.add("deferred 1"));
            loop.callback("nested", () -> EventLoop.afterCurrentCallback(() -> order.add("deferred 2")));
            order.add("callback returns");
        });
        loop.turn(false);
        assertEquals(List.of("callback returns", "deferred 1", "deferred 2"), order);
        EventLoop.afterCurrentCallback(() -> order.add("outside"));
        assertEquals("outside a callback a hand-off runs at once", "outside", order.get(3));
    }

    @Test
    public void runOrExecuteRunsNowOnTheLoopsThreadAndQueuesFromAnother() throws Exception {
        List<String> order = new ArrayList<>();
        loop.runOrExecute(() -> order.add("now"));
        assertEquals(List.of("now"), order);
        runOn(() -> loop.runOrExecute(() -> order.add("queued")));
        assertEquals("from another thread nothing runs until the loop turns", List.of("now"), order);
        loop.turn(false);
        assertEquals(List.of("now", "queued"), order);
    }

    @Test
    public void theLoopsThreadFindsItsLoopAndOthersFindNone() throws Exception {
        assertSame(loop, EventLoop.ofCurrentThread());
        AtomicReference<EventLoop> seen = new AtomicReference<>(loop);
        runOn(() -> seen.set(EventLoop.ofCurrentThread()));
        assertEquals(null, seen.get());
        assertSame(keepAlive, loop.keepAlive());
        ReentrantLock lock = new ReentrantLock();
        loop.externalLock(lock);
        assertSame(lock, loop.externalLock());
        loop.externalLock(null);
        loop.thread(null);
        assertEquals("a thread that no longer runs the loop finds none", null, EventLoop.ofCurrentThread());
    }

    @Test
    public void cancelledWorkLeavesNeitherTheLoopsTimerNorThePendingSet() {
        WorkHandle far = loop.scheduleWork(Duration.ofDays(1), () -> { });
        loop.scheduleWork(Duration.ZERO, () -> { });
        assertEquals(2, loop.timerCount());
        assertEquals(2, keepAlive.scheduledCount());
        assertTrue(far.cancel());
        assertEquals("cancel frees the loop's timer at once", 1, loop.timerCount());
        assertEquals(1, keepAlive.scheduledCount());
        loop.turn(false);
        assertEquals("work that ran is no longer pending", 0, keepAlive.scheduledCount());
        assertEquals(0, loop.timerCount());
    }

    @Test
    public void closeClosesTheSelector() {
        EventLoop other = new EventLoop("x", Confinement.LOOP, new KeepAlive(), clock);
        assertTrue(other.selector().isOpen());
        other.close();
        assertFalse(other.selector().isOpen());
    }

    private static void runOn(Runnable r) throws InterruptedException {
        Thread t = new Thread(r, "other");
        t.start();
        t.join(TimeUnit.SECONDS.toMillis(30));
        if (t.isAlive()) {
            fail("the other thread did not finish");
        }
    }
}
