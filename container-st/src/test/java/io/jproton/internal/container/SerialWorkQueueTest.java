package io.jproton.internal.container;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.Container;
import io.jproton.WorkQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * The container's work queues ({@code proton::work_queue(container&)}, {@link SerialWorkQueue}) on
 * the single-threaded container: order, the container kept running by work not yet run, refusal
 * once it has finished, the turn given back to the loop after a batch, and a throwing piece.
 * Each run is bounded by running it on a thread of its own.
 */
public class SerialWorkQueueTest {
    private static final long TIMEOUT_SECONDS = 30;

    /** Runs {@code c} on a new thread and waits for run() to return, with the exception it threw if any. */
    private static Throwable run(Container c) throws Exception {
        CompletableFuture<Throwable> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                c.run();
                done.complete(null);
            } catch (Throwable e) {
                done.complete(e);
            }
        }, "st-run");
        t.setDaemon(true);
        t.start();
        try {
            return done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("run() did not return within " + TIMEOUT_SECONDS + " s");
        }
    }

    @Test
    public void workRunsInTheOrderAddedAndKeepsTheContainerRunningUntilItHasRun() throws Exception {
        Container c = new Container(); // auto-stop: with no connection, only the queued work keeps it running
        List<Integer> ran = new ArrayList<>();
        WorkQueue q = c.newWorkQueue();
        for (int i = 0; i < 200; i++) { // more than one batch
            int n = i;
            assertTrue(q.add(() -> ran.add(n)));
        }
        // work added by work, on another queue of the same container, also keeps it running
        assertTrue(c.workQueue().add(() -> c.workQueue().add(() -> ran.add(-1))));
        assertEquals(null, run(c));
        assertEquals(201, ran.size());
        assertTrue(ran.contains(-1));
        // the queue gives the loop back its turn after a batch of 64: the other queue's work, queued
        // on the loop behind the first batch, runs right after it
        assertEquals("position of the other queue's work: " + ran, 64, ran.indexOf(-1));
        ran.remove(Integer.valueOf(-1));
        for (int i = 0; i < 200; i++) {
            assertEquals("position " + i, Integer.valueOf(i), ran.get(i));
        }
    }

    @Test
    public void addIsRefusedOnceTheContainerHasFinished() throws Exception {
        Container c = new Container();
        WorkQueue q = c.workQueue();
        assertEquals(null, run(c));
        boolean[] ran = {false};
        assertFalse("a finished container takes no work", q.add(() -> ran[0] = true));
        assertFalse(ran[0]);
        try {
            q.execute(() -> ran[0] = true);
            fail("execute on a finished container must throw");
        } catch (java.util.concurrent.RejectedExecutionException expected) {
            // as WorkQueue.execute documents
        }
        assertFalse(ran[0]);
    }

    @Test
    public void aQueueThatNeverEmptiesGivesTheLoopItsTurnAfterEachBatch() throws Exception {
        Container c = new Container();
        WorkQueue q = c.workQueue();
        boolean[] timerFired = {false};
        int[] pieces = {0};
        Runnable[] self = new Runnable[1];
        // each piece adds the next until the timer has fired: only a queue that yields lets the timer run
        self[0] = () -> {
            pieces[0]++;
            if (!timerFired[0]) {
                q.add(self[0]);
            }
        };
        c.schedule(Duration.ZERO, () -> timerFired[0] = true);
        assertTrue(q.add(self[0]));
        assertEquals(null, run(c));
        assertTrue(timerFired[0]);
        assertTrue("pieces ran: " + pieces[0], pieces[0] >= 1);
    }

    @Test
    public void scheduledWorkRunsAfterItsDelayThroughTheQueue() throws Exception {
        Container c = new Container();
        WorkQueue q = c.newWorkQueue();
        long[] ranAt = {0};
        long start = System.nanoTime();
        q.schedule(Duration.ofMillis(50), () -> ranAt[0] = System.nanoTime());
        assertEquals(null, run(c));
        assertTrue("ran", ranAt[0] != 0);
        assertTrue("not before its delay: " + (ranAt[0] - start) / 1_000_000 + " ms",
                ranAt[0] - start >= TimeUnit.MILLISECONDS.toNanos(50));
        try {
            q.schedule(Duration.ofMillis(-1), () -> { });
            fail("a negative delay must be refused");
        } catch (IllegalArgumentException expected) {
            // as proton::work_queue::schedule cannot take one either
        }
    }

    @Test
    public void workThatThrowsStopsTheContainerWithItsException() throws Exception {
        Container c = new Container();
        c.autoStop(false); // the exception alone must end run()
        RuntimeException boom = new RuntimeException("boom");
        boolean[] later = {false};
        WorkQueue q = c.workQueue();
        assertTrue(q.add(() -> {
            throw boom;
        }));
        assertTrue(q.add(() -> later[0] = true));
        Throwable thrown = run(c);
        assertSame("run() throws what the work threw, as a C++ callback that throws stops the container", boom, thrown);
        assertFalse("work after the throwing piece does not run", later[0]);
    }

    /** The single-threaded container's work queue is confined: another thread may add only holding the external lock. */
    @Test
    public void anotherThreadAddsOnlyUnderTheExternalLock() throws Exception {
        Container c = new Container();
        c.autoStop(false);
        java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
        c.externalLock(lock);
        WorkQueue q = c.workQueue();
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        assertTrue(q.add(running::countDown));
        CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
            try {
                return run(c);
            } catch (Exception e) {
                return e;
            }
        }, r -> new Thread(r, "runner").start());
        assertTrue(running.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        try {
            q.add(() -> { });
            fail("a thread without the external lock must be refused while the container runs");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("WorkQueue.add"));
        }
        lock.lock();
        try {
            assertTrue(q.add(c::stop));
        } finally {
            lock.unlock();
        }
        assertEquals(null, run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    public void nullWorkIsRefused() {
        try {
            new Container().workQueue().add(null);
            fail("null work must be refused");
        } catch (NullPointerException expected) {
            assertEquals("work", expected.getMessage());
        }
    }
}
