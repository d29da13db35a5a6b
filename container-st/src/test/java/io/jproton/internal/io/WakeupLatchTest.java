package io.jproton.internal.io;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/**
 * The wake-up hand-shake, one step at a time (the interleavings are {@code WakeupLatchModelTest}'s):
 * a wake costs a selector wake-up only while the loop waits.
 */
public class WakeupLatchTest {

    @Test
    public void aWakeWakesTheSelectorOnlyWhileTheLoopWaits() {
        WakeupLatch latch = new WakeupLatch();
        assertFalse("not waiting: no selector wake-up", latch.wake());
        assertTrue("the wake is seen at the next look", latch.beforeWait());
        latch.afterWait();

        assertFalse("nothing since: the wait may block", latch.beforeWait());
        assertTrue("waiting: the selector is woken", latch.wake());
        assertFalse("once per wait", latch.wake());
        latch.afterWait();

        assertFalse("the wait is over: a wake costs no system call", latch.wake());
        assertTrue("and is seen at the next look", latch.beforeWait());
        latch.afterWait();

        assertFalse(latch.beforeWait());
        latch.afterWait(); // a wait that ended by itself (I/O or a timer), no wake
        assertFalse("after a wait that ended by itself a wake costs no system call either", latch.wake());
    }
}
