package io.jproton.internal.io;

import java.time.Duration;

/**
 * The timers of one connection on its loop: the engine's tick (idle-timeout checks and
 * heartbeats), the handshake timeout, the release of idle frame buffers, the delay before a
 * reconnect attempt, and the grace a stopping connection gives its peer. Each is armed lazily
 * and at most once: the tick timer is moved only when the engine's deadline moves earlier (the
 * deadline moves later with every frame; a timer that fires early just ticks again), and the idle
 * timer re-arms itself for the rest of the time when the connection was active meanwhile.
 *
 * <p>Not thread-safe: confined to the connection's loop.
 */
final class ConnectionTimers {
    /** How long a connection goes without I/O before it gives back its frame buffers (2 x 64 KiB by default). */
    static final long IDLE_RELEASE_MILLIS = 1000;

    private final EventLoop loop;
    /** The origin of {@link #engineMillis()}, in the loop's clock. */
    private final long clockBase;
    private final Runnable onIdle;
    private TimerQueue.Timer tickTimer;
    private long tickDeadline;
    private final Runnable tickDue;
    private TimerQueue.Timer idleTimer;
    private long lastActive;
    private TimerQueue.Timer handshakeTimer;
    private TimerQueue.Timer graceTimer;
    private TimerQueue.Timer reconnectTimer;

    /**
     * @param loop the connection's loop
     * @param tickDue run when the engine's deadline has come (the connection processes, and ticks)
     * @param onIdle run when the connection has had no I/O for {@link #IDLE_RELEASE_MILLIS}
     */
    ConnectionTimers(EventLoop loop, Runnable tickDue, Runnable onIdle) {
        this.loop = loop;
        this.clockBase = loop.nanoTime();
        this.onIdle = onIdle;
        this.tickDue = () -> {
            tickTimer = null;
            tickDue.run();
        };
    }

    /**
     * @return a millisecond clock for the engine's idle-timeout checks: the loop's, monotonic, and
     *         always positive (0 means "no deadline" to the engine)
     */
    long engineMillis() {
        return (loop.nanoTime() - clockBase) / 1_000_000 + 1;
    }

    /**
     * Arms the tick timer for the engine's next deadline, unless a timer that comes first is armed.
     *
     * @param deadline the engine's next deadline in {@link #engineMillis()}'s clock, 0 for none
     * @param now now, in the same clock
     */
    void tickAt(long deadline, long now) {
        if (deadline == 0 || (tickTimer != null && deadline - tickDeadline >= 0)) {
            // no check due, or the armed timer comes first: when it fires, the connection ticks again and
            // arms for the later deadline (the deadline moves with every frame; no timer churn for that)
            return;
        }
        if (tickTimer != null) {
            tickTimer.cancel();
        }
        tickDeadline = deadline;
        tickTimer = loop.schedule(Duration.ofMillis(Math.max(0, deadline - now)), tickDue);
    }

    /**
     * Arms the handshake timeout, unless it is armed already or zero (no limit).
     *
     * @param timeout how long the connection may take to open
     * @param expired what to do if it has not opened by then
     */
    void handshake(Duration timeout, Runnable expired) {
        if (handshakeTimer == null && !timeout.isZero()) {
            handshakeTimer = loop.schedule(timeout, () -> {
                handshakeTimer = null;
                expired.run();
            });
        }
    }

    /** The connection opened (or an attempt ended): the handshake timeout no longer applies. */
    void handshakeOver() {
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
            handshakeTimer = null;
        }
    }

    /**
     * Notes activity; a connection that then has none for {@link #IDLE_RELEASE_MILLIS} is told.
     *
     * @param now now, in {@link #engineMillis()}'s clock
     */
    void active(long now) {
        lastActive = now;
        if (idleTimer == null) {
            idleTimer = loop.schedule(Duration.ofMillis(IDLE_RELEASE_MILLIS), this::idleCheck);
        }
    }

    private void idleCheck() {
        idleTimer = null;
        long idleFor = engineMillis() - lastActive;
        if (idleFor >= IDLE_RELEASE_MILLIS) {
            onIdle.run();
        } else {
            idleTimer = loop.schedule(Duration.ofMillis(IDLE_RELEASE_MILLIS - idleFor), this::idleCheck);
        }
    }

    /**
     * Arms the grace a stopping connection gives its peer to answer the close, once.
     *
     * @param grace how long
     * @param over what to do when it is over
     */
    void stopGrace(Duration grace, Runnable over) {
        if (graceTimer == null) {
            graceTimer = loop.schedule(grace, over);
        }
    }

    /**
     * Arms the delay before the next reconnect attempt.
     *
     * @param delay how long
     * @param attempt the attempt
     */
    void reconnectIn(Duration delay, Runnable attempt) {
        reconnectTimer = loop.schedule(delay, () -> {
            reconnectTimer = null;
            attempt.run();
        });
    }

    /**
     * Cancels the pending reconnect attempt, if any.
     *
     * @return true if an attempt was pending
     */
    boolean cancelReconnect() {
        if (reconnectTimer == null) {
            return false;
        }
        reconnectTimer.cancel();
        reconnectTimer = null;
        return true;
    }

    /** Cancels every timer: the connection has finished. */
    void cancelAll() {
        cancelReconnect();
        if (graceTimer != null) {
            graceTimer.cancel();
            graceTimer = null;
        }
        if (tickTimer != null) {
            tickTimer.cancel();
            tickTimer = null;
        }
        if (idleTimer != null) {
            idleTimer.cancel();
            idleTimer = null;
        }
        handshakeOver();
    }
}
