package io.jproton;

import java.time.Duration;
import java.util.List;

/**
 * The target terminus of a link, as {@code proton::target}.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 */
public final class Target extends Terminus {
    /**
     * @param address the address
     * @param dynamic dynamic node
     * @param durability durability
     * @param expiryPolicy expiry policy
     * @param timeout timeout
     * @param capabilities capabilities
     * @param dynamicProperties the dynamic node properties, may be null
     */
    public Target(String address, boolean dynamic, DurabilityMode durability, ExpiryPolicy expiryPolicy, Duration timeout,
                  List<String> capabilities, java.util.Map<String, Object> dynamicProperties) {
        super(address, dynamic, durability, expiryPolicy, timeout, capabilities, dynamicProperties);
    }
}
