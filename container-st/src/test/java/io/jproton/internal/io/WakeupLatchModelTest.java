package io.jproton.internal.io;

import static org.junit.Assert.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.Lincheck;
import org.junit.Test;

/**
 * {@link WakeupLatch} under Lincheck's model checker (docs/concurrency.md), with the loop and the
 * selector as {@link LoopSelector#await} and {@link LoopSelector#wakeup} use them, less the check
 * for queued work (so that the latch alone must carry every wake-up).
 *
 * <p>The selector is modelled by what matters here: {@link Selector#wakeup()} is remembered until a
 * select consumes it; a blocking {@link Selector#select()} waits for one; {@link Selector#selectNow()}
 * clears it without waiting. A wait that blocks with a wake-up unseen blocks for good, and Lincheck
 * reports the hang with the interleaving that led to it.
 */
public class WakeupLatchModelTest {
    /** Interleavings tried per test: enough to find each break in docs/concurrency.md many times over. */
    private static final int INVOCATIONS = 1_000;

    /** The part of a NIO selector that wake-ups touch. */
    static final class Selector {
        private boolean woken;

        synchronized void wakeup() {
            woken = true;
            notifyAll();
        }

        synchronized void selectNow() {
            woken = false;
        }

        synchronized void select() {
            while (!woken) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            woken = false;
        }
    }

    /** One turn's wait, as LoopSelector.await does it (no work check, no timeout). */
    private static void awaitOnce(WakeupLatch latch, Selector selector, AtomicBoolean looked) {
        boolean skip = latch.beforeWait();
        looked.set(true);
        if (skip) {
            selector.selectNow();
        } else {
            selector.select();
        }
        latch.afterWait();
    }

    /** A wake as LoopSelector.wakeup does it, counting the selector wake-ups it costs. */
    private static void wake(WakeupLatch latch, Selector selector, AtomicInteger selectorWakeups) {
        if (latch.wake()) {
            selectorWakeups.incrementAndGet();
            selector.wakeup();
        }
    }

    /**
     * Two threads each hand the loop a piece of work and wake it, as {@link EventLoop#execute} does;
     * the loop waits turn after turn, taking the work after each wait, until it has both pieces. No
     * turn may block for good: each wake either wakes the wait under way or makes the next one not
     * block. (The loop takes the work only after its wait, never to decide whether to wait, so the
     * latch alone must carry each wake-up.) A selector wake-up ends one wait at most, so there are
     * no more of them than waits.
     */
    @Test
    public void noWakeUpIsLost() {
        Lincheck.runConcurrentTest(INVOCATIONS, () -> {
            WakeupLatch latch = new WakeupLatch();
            Selector selector = new Selector();
            AtomicInteger work = new AtomicInteger();
            AtomicInteger selectorWakeups = new AtomicInteger();
            AtomicInteger turns = new AtomicInteger();
            AtomicBoolean looked = new AtomicBoolean();
            ModelThreads threads = new ModelThreads();
            threads.start(() -> {
                int taken = 0;
                while (taken < 2) {
                    turns.incrementAndGet();
                    awaitOnce(latch, selector, looked);
                    taken += work.getAndSet(0);
                }
            });
            for (int i = 0; i < 2; i++) {
                threads.start(() -> {
                    work.incrementAndGet();
                    wake(latch, selector, selectorWakeups);
                });
            }
            threads.joinAll();
            assertTrue(selectorWakeups.get() + " selector wake-ups for " + turns.get() + " waits",
                    selectorWakeups.get() <= turns.get());
        });
    }

    /**
     * Four wakes (two threads, two each) around one wait of the loop cost at most one selector
     * wake-up, and none is lost: a wake that came after the loop looked is still there for the
     * loop's next look.
     */
    @Test
    public void wakeUpsCoalesceIntoOneSelectorWakeupPerWait() {
        Lincheck.runConcurrentTest(INVOCATIONS, () -> {
            WakeupLatch latch = new WakeupLatch();
            Selector selector = new Selector();
            AtomicInteger selectorWakeups = new AtomicInteger();
            AtomicBoolean looked = new AtomicBoolean();
            AtomicBoolean wokeAfterLook = new AtomicBoolean();
            ModelThreads threads = new ModelThreads();
            threads.start(() -> awaitOnce(latch, selector, looked));
            for (int i = 0; i < 2; i++) {
                threads.start(() -> {
                    for (int n = 0; n < 2; n++) {
                        boolean after = looked.get();
                        wake(latch, selector, selectorWakeups);
                        if (after) {
                            wokeAfterLook.set(true);
                        }
                    }
                });
            }
            threads.joinAll();
            assertTrue(selectorWakeups.get() + " selector wake-ups for one wait", selectorWakeups.get() <= 1);
            if (wokeAfterLook.get()) {
                assertTrue("a wake after the loop looked is seen at its next look", latch.beforeWait());
            }
        });
    }
}
