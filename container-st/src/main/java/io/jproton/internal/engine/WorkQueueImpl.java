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
        return driver.host().addWork(work);
    }

    @Override
    public void schedule(Duration delay, Runnable work) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        driver.host().schedule(delay, work);
    }
}
