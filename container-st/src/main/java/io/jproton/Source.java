package io.jproton;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The source terminus of a link, as {@code proton::source}.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 */
public final class Source extends Terminus {
    /** How messages leave a source node shared by several receivers. */
    public enum DistributionMode {
        /** Not said. */
        UNSPECIFIED,
        /** Each message goes to one receiver (a queue). */
        MOVE,
        /** Every receiver sees every message (a topic, or browsing). */
        COPY
    }

    private final DistributionMode distributionMode;
    private final Map<String, Object> filters;

    /**
     * @param address the address
     * @param dynamic dynamic node
     * @param durability durability
     * @param expiryPolicy expiry policy
     * @param timeout timeout
     * @param capabilities capabilities
     * @param distributionMode distribution mode
     * @param dynamicProperties the dynamic node properties, may be null
     * @param filters the filter set, keyed by filter name
     */
    public Source(String address, boolean dynamic, DurabilityMode durability, ExpiryPolicy expiryPolicy, Duration timeout,
                  List<String> capabilities, DistributionMode distributionMode, Map<String, Object> filters,
                  Map<String, Object> dynamicProperties) {
        super(address, dynamic, durability, expiryPolicy, timeout, capabilities, dynamicProperties);
        this.distributionMode = distributionMode == null ? DistributionMode.UNSPECIFIED : distributionMode;
        this.filters = filters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(filters));
    }

    /**
     * @return the distribution mode
     */
    public DistributionMode distributionMode() {
        return distributionMode;
    }

    /**
     * @return the filters, keyed by name; values are AMQP values (often {@link Described})
     */
    public Map<String, Object> filters() {
        return filters;
    }
}
