package io.jproton.internal.io;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when a test says so; it starts near the wrap of a long, as nanoTime may. */
final class FakeTicker implements Ticker {
    private final AtomicLong now = new AtomicLong(Long.MAX_VALUE - 1_000_000_000L);

    @Override
    public long nanoTime() {
        return now.get();
    }

    void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }
}
