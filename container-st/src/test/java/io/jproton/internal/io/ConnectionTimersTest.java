package io.jproton.internal.io;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** A connection's timers on a fake clock: the engine's tick, the handshake timeout, the idle release. */
public class ConnectionTimersTest {
    private final FakeTicker clock = new FakeTicker();
    private final List<String> fired = new ArrayList<>();
    private EventLoop loop;
    private ConnectionTimers timers;

    @Before
    public void open() {
        loop = new EventLoop("remedy", Confinement.LOOP, new KeepAlive(), clock);
        loop.thread(Thread.currentThread());
        timers = new ConnectionTimers(loop, () -> fired.add("tick"), () -> fired.add("idle"));
    }

    @After
    public void close() {
        loop.thread(null);
        loop.close();
    }

    private void advance(long millis) {
        clock.advance(Duration.ofMillis(millis));
        loop.turn(false);
    }

    @Test
    public void theEngineClockStartsAtOneAndFollowsTheLoopsClock() {
        assertEquals(1, timers.engineMillis()); // never 0: the engine reads 0 as "no deadline"
        clock.advance(Duration.ofMillis(1500));
        assertEquals(1501, timers.engineMillis());
    }

    @Test
    public void aLaterDeadlineKeepsTheArmedTimerAndAnEarlierOneMovesIt() {
        long now = timers.engineMillis();
        timers.tickAt(now + 100, now);
        assertEquals(1, loop.timerCount());
        timers.tickAt(now + 300, now); // later: the armed timer stays, no new one
        assertEquals(1, loop.timerCount());
        timers.tickAt(now + 40, now); // earlier: moved
        assertEquals(1, loop.timerCount());
        advance(39);
        assertEquals(List.of(), fired);
        advance(1);
        assertEquals(List.of("tick"), fired);
        assertEquals(0, loop.timerCount());
        timers.tickAt(0, timers.engineMillis()); // no deadline: nothing armed
        assertEquals(0, loop.timerCount());
    }

    @Test
    public void theHandshakeTimeoutFiresUnlessTheHandshakeIsOver() {
        timers.handshake(Duration.ofMillis(500), () -> fired.add("handshake"));
        timers.handshake(Duration.ofMillis(10), () -> fired.add("second")); // armed already: ignored
        advance(499);
        assertEquals(List.of(), fired);
        advance(1);
        assertEquals(List.of("handshake"), fired);

        timers.handshake(Duration.ofMillis(500), () -> fired.add("again"));
        timers.handshakeOver();
        assertEquals(0, loop.timerCount());
        advance(1000);
        assertEquals(List.of("handshake"), fired);

        timers.handshake(Duration.ZERO, () -> fired.add("never")); // zero: no limit
        assertEquals(0, loop.timerCount());
    }

    @Test
    public void idleBuffersAreReleasedOnlyAfterAFullSecondWithoutActivity() {
        timers.active(timers.engineMillis());
        advance(600);
        timers.active(timers.engineMillis()); // activity: the second counts from here
        advance(400); // the first timer fires at 1000 ms and re-arms for the 600 ms left
        assertEquals(List.of(), fired);
        assertEquals(1, loop.timerCount());
        advance(599);
        assertEquals(List.of(), fired);
        advance(1);
        assertEquals(List.of("idle"), fired);
        assertEquals(0, loop.timerCount());
    }

    @Test
    public void cancelAllLeavesNoTimer() {
        long now = timers.engineMillis();
        timers.tickAt(now + 100, now);
        timers.handshake(Duration.ofSeconds(1), () -> fired.add("handshake"));
        timers.active(now);
        assertEquals(3, loop.timerCount());
        timers.cancelAll();
        assertEquals(0, loop.timerCount());
        advance(5000);
        assertEquals(List.of(), fired);
    }
}
