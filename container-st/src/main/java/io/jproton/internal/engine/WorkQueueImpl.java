package io.jproton.internal.engine;

import io.jproton.WorkQueue;
import java.time.Duration;

/** A connection's {@link WorkQueue}: forwards to the driver's host, which decides the threading. */
final class WorkQueueImpl implements WorkQueue {
    private final ConnectionDriver driver;

    WorkQueueImpl(ConnectionDriver driver) {
        this.driver = driver;
    }

    @Override
    public boolean add(Runnable work) {
        if (work == null) {
            throw new NullPointerException("work");
        }
        io.jproton.spi.MetricsRecorder metrics = driver.metrics == null ? null : driver.metrics.recorder();
        if (metrics == null) {
            return driver.host().addWork(work);
        }
        metrics.workQueued(1);
        boolean added = false;
        try {
            added = driver.host().addWork(() -> {
                try {
                    work.run();
                } finally {
                    metrics.workQueued(-1);
                }
            });
        } finally {
            if (!added) {
                metrics.workQueued(-1); // refused, or this thread may not add (IllegalStateException)
            }
        }
        return added;
    }

    @Override
    public void schedule(Duration delay, Runnable work) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        driver.host().schedule(delay, work);
    }
}
