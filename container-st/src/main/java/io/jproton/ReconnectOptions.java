package io.jproton;

import java.time.Duration;

/**
 * How a client connection reconnects after it is lost, as {@code proton::reconnect_options}:
 * attempts wait {@link #delay()} at first, then {@link #delayMultiplier()} times longer each time,
 * up to {@link #maxDelay()}; {@link #maxAttempts()} bounds the attempts (0: no bound). Set it with
 * {@link ConnectionOptions#reconnect(ReconnectOptions)}; other addresses to try come from
 * {@link ConnectionOptions#failoverUrls(java.util.List)}.
 *
 * <p>While a connection reconnects, no callback runs for the lost transport. Once it is back,
 * {@link MessagingHandler#onConnectionOpen} runs again with {@link Connection#reconnected()} true,
 * and the sessions and links that were open are open again. When the attempts run out,
 * {@code onTransportError} and then {@code onTransportClose} end the connection.
 * {@link Connection#close()} stops reconnecting.
 *
 * <p>Thread-safety: not thread-safe; a plain value that is copied when used.
 */
public final class ReconnectOptions {
    private Duration delay = Duration.ofMillis(10);
    private double delayMultiplier = 2.0;
    private Duration maxDelay;
    private int maxAttempts;

    /** The defaults: 10 ms, doubling, no maximum delay, no bound on attempts. */
    public ReconnectOptions() {}

    /**
     * @param other options to copy
     */
    public ReconnectOptions(ReconnectOptions other) {
        delay = other.delay;
        delayMultiplier = other.delayMultiplier;
        maxDelay = other.maxDelay;
        maxAttempts = other.maxAttempts;
    }

    /**
     * @param delay the wait before the first attempt, not negative
     * @return this
     */
    public ReconnectOptions delay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("reconnect delay must not be negative: " + delay);
        }
        this.delay = delay;
        return this;
    }

    /**
     * @param multiplier how much longer each next wait is, at least 1
     * @return this
     */
    public ReconnectOptions delayMultiplier(double multiplier) {
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("reconnect delay multiplier must be at least 1, got " + multiplier);
        }
        this.delayMultiplier = multiplier;
        return this;
    }

    /**
     * @param maxDelay the longest wait, or null for no limit
     * @return this
     */
    public ReconnectOptions maxDelay(Duration maxDelay) {
        if (maxDelay != null && maxDelay.isNegative()) {
            throw new IllegalArgumentException("reconnect max delay must not be negative: " + maxDelay);
        }
        this.maxDelay = maxDelay;
        return this;
    }

    /**
     * @param attempts the most attempts after a loss, 0 for no bound
     * @return this
     */
    public ReconnectOptions maxAttempts(int attempts) {
        if (attempts < 0) {
            throw new IllegalArgumentException("reconnect max attempts must not be negative, got " + attempts);
        }
        this.maxAttempts = attempts;
        return this;
    }

    /** @return the first wait */
    public Duration delay() {
        return delay;
    }

    /** @return the multiplier of successive waits */
    public double delayMultiplier() {
        return delayMultiplier;
    }

    /** @return the longest wait, or null for no limit */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** @return the most attempts, 0 for no bound */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * @param attempt the attempt, from 1
     * @return the wait before it
     */
    public Duration delayBefore(int attempt) {
        double millis = delay.toMillis() * Math.pow(delayMultiplier, Math.max(0, attempt - 1));
        long capped = (long) Math.min(millis, maxDelay != null ? maxDelay.toMillis() : Long.MAX_VALUE / 4);
        return Duration.ofMillis(capped);
    }
}
