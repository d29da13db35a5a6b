package io.jproton.examples;

import io.jproton.Container;
import io.jproton.micrometer.JprotonMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The throughput programs' {@code --metrics}: the container counts into Micrometer meters, to measure what that costs. */
final class Metrics {
    private Metrics() {}

    /**
     * @param c a container not yet run
     * @param on whether to bind its meters (to a {@link SimpleMeterRegistry})
     * @return {@code c}
     */
    static Container maybe(Container c, boolean on) {
        if (on) {
            new JprotonMetrics(c).bindTo(new SimpleMeterRegistry());
        }
        return c;
    }
}
