package io.jproton.internal.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

public class KeepAliveTest {

    @Test
    public void closesOnlyWhenNothingIsCounted() {
        KeepAlive k = new KeepAlive();
        AtomicInteger idle = new AtomicInteger();
        k.onIdle(idle::incrementAndGet);
        assertTrue(k.tryAcquire());
        assertTrue(k.tryAcquire());
        assertFalse("two things keep it running", k.tryClose());
        assertFalse(k.closed());
        k.release();
        assertEquals("not idle while one is counted", 0, idle.get());
        k.release();
        assertEquals("idle when the count reaches zero", 1, idle.get());
        assertTrue(k.tryClose());
        assertTrue(k.closed());
        assertTrue("closing again reports it closed", k.tryClose());
        assertFalse("nothing may be promised once closed", k.tryAcquire());
        assertTrue(k.closed());
    }

    @Test
    public void cancelTimersCancelsEveryPendingScheduledWorkAndReleasesIt() {
        KeepAlive k = new KeepAlive();
        EventLoop loop = new EventLoop("test", Confinement.LOOP, k, new FakeTicker());
        try {
            AtomicInteger ran = new AtomicInteger();
            loop.scheduleWork(java.time.Duration.ofSeconds(1), ran::incrementAndGet);
            loop.scheduleWork(java.time.Duration.ofSeconds(2), ran::incrementAndGet);
            assertFalse("pending work keeps the container running", k.tryClose());
            k.cancelTimers();
            assertTrue("cancelled work keeps nothing running", k.tryClose());
            assertEquals(0, ran.get());
        } finally {
            loop.close();
        }
    }
}
