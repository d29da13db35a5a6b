package io.jproton.internal.mt.pool;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/** The thread-safe sender's room (at most max messages in flight) on its own, off any container thread. */
public class RoomTest {
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private static CompletableFuture<Boolean> takeOnAnotherThread(Room room) {
        CompletableFuture<Boolean> taken = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                taken.complete(room.take(WAIT_NANOS));
            } catch (Throwable e) {
                taken.completeExceptionally(e);
            }
        }, "waiter");
        t.setDaemon(true);
        t.start();
        return taken;
    }

    @Test
    public void roomIsTakenUpToMaxAndGivenBack() {
        Room room = new Room(2);
        assertTrue(room.tryTake());
        assertTrue(room.tryTake());
        assertFalse("full", room.tryTake());
        assertEquals(2, room.used());
        room.give();
        assertEquals(1, room.used());
        assertTrue(room.tryTake());
    }

    /** One message settled while the others stay in flight must wake a waiting thread: room exists. */
    @Test
    public void aWaiterWakesAsSoonAsAnyRoomIsGivenBack() throws Exception {
        Room room = new Room(3);
        for (int i = 0; i < 3; i++) {
            assertTrue(room.tryTake());
        }
        CompletableFuture<Boolean> taken = takeOnAnotherThread(room);
        assertFalse("no room: the waiter waits", taken.isDone());
        room.give(); // 2 of 3 still in flight
        assertTrue("woken while two messages stay in flight", taken.get(30, TimeUnit.SECONDS));
        assertEquals(3, room.used());
    }

    @Test
    public void aWaiterGivesUpWhenItsTimeRunsOut() throws Exception {
        Room room = new Room(1);
        assertTrue(room.tryTake());
        long t0 = System.nanoTime();
        assertFalse(room.take(TimeUnit.MILLISECONDS.toNanos(100)));
        assertTrue("waited its time", System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(100));
        assertEquals(1, room.used());
    }

    /** Many threads taking and giving through one small room: never more than max in flight, nothing lost. */
    @Test
    public void underContentionNeverMoreThanMaxAndEveryTakeIsGivenBack() throws Exception {
        Room room = new Room(2);
        int threads = 8;
        int rounds = 2_000;
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger over = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] ts = new Thread[threads];
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        for (int i = 0; i < threads; i++) {
            ts[i] = new Thread(() -> {
                try {
                    for (int r = 0; r < rounds; r++) {
                        if (!room.take(WAIT_NANOS)) {
                            failures.incrementAndGet();
                            return;
                        }
                        if (inside.incrementAndGet() > 2) {
                            over.incrementAndGet();
                        }
                        inside.decrementAndGet();
                        room.give();
                    }
                } catch (InterruptedException e) {
                    failures.incrementAndGet();
                }
            });
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join(TimeUnit.SECONDS.toMillis(60));
            assertFalse("a thread never got room", t.isAlive());
        }
        assertEquals(0, failures.get());
        assertEquals(0, over.get());
        assertEquals(0, room.used());
    }
}
