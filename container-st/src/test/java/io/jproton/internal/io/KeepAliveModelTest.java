package io.jproton.internal.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.junit.Test;

/**
 * {@link KeepAlive} under Lincheck's model checker (docs/concurrency.md), which runs the real class
 * on threads it schedules itself and tries their interleavings one by one.
 *
 * <p>First as a linearizable object: whatever the interleaving of acquires, releases, closes and
 * reads on two threads (30 random scenarios of three calls a thread, with calls before and after),
 * every result must be one that the same calls made one at a time, in some order that respects
 * each thread's own order, would give. The sequential behaviour is the class's own (each thread
 * releases only what it acquired, as every user of the class does), so this says, among other
 * things: once {@code tryClose()} has returned true no {@code tryAcquire()} succeeds;
 * {@code tryClose()} never succeeds while something is counted; and {@code count()} never reads
 * negative before the close. ({@code onIdle} is left out: it is a notification made after the
 * count drops, not part of one atomic step.)
 *
 * <p>Then as the container uses it, on threads of its own: whoever holds a successful
 * {@code tryAcquire()} never sees the container finish before it releases.
 */
public class KeepAliveModelTest {
    private final KeepAlive keepAlive = new KeepAlive();
    /** What each thread holds (scenario threads, and the parts before and after them). */
    private final int[] held = new int[8];

    /** Promises something (a connection, queued work); the thread holds it until its {@link #release}. */
    @Operation
    public boolean tryAcquire(@Param(gen = ThreadIdGen.class) int thread) {
        if (!keepAlive.tryAcquire()) {
            return false;
        }
        held[thread]++;
        return true;
    }

    /** Keeps one promise this thread holds, if it holds one: a release is never made without its acquire. */
    @Operation
    public boolean release(@Param(gen = ThreadIdGen.class) int thread) {
        if (held[thread] == 0) {
            return false;
        }
        held[thread]--;
        keepAlive.release();
        return true;
    }

    /** The container asks whether it may finish. */
    @Operation
    public boolean tryClose() {
        return keepAlive.tryClose();
    }

    /** A failed run finishes whatever is counted (once a scenario, so that it does not hide the other races). */
    @Operation(runOnce = true)
    public void close() {
        keepAlive.close();
    }

    @Operation
    public boolean closed() {
        return keepAlive.closed();
    }

    @Operation
    public int count() {
        return keepAlive.count();
    }

    @Test
    public void isLinearizable() {
        new ModelCheckingOptions()
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(1)
                .actorsAfter(1)
                .iterations(30)
                .invocationsPerIteration(100)
                .check(KeepAliveModelTest.class);
    }

    /**
     * Two threads promise and keep a piece of work each while the container tries to finish: the
     * container may finish only when neither holds a promise, so a holder never sees it finished;
     * and once both have released, the container does finish.
     */
    @Test
    public void aHeldPromiseIsNeverBrokenByTheFinish() {
        Lincheck.runConcurrentTest(1_000, () -> {
            KeepAlive k = new KeepAlive();
            ModelThreads threads = new ModelThreads();
            Runnable holder = () -> {
                if (k.tryAcquire()) {
                    assertTrue("the count reads at least the promise held", k.count() >= 1);
                    assertFalse("the container finished while a promise was held", k.closed());
                    k.release();
                }
            };
            threads.start(holder);
            threads.start(holder);
            boolean finished = k.tryClose();
            threads.joinAll();
            if (finished) {
                assertFalse("nothing may be promised once finished", k.tryAcquire());
            }
            assertTrue("with nothing held the container finishes", k.tryClose());
            assertEquals(0, k.count());
        });
    }
}
