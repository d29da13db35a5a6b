package io.jproton;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Source} and a {@link Target} share, as {@code proton::terminus}.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 */
public abstract class Terminus {
    /** Which state the terminus keeps across detaches, as C++ {@code terminus::durability_mode}. */
    public enum DurabilityMode {
        /** Nothing survives (C++ {@code NONDURABLE}, AMQP {@code none}). */
        NONDURABLE,
        /** The terminus configuration survives. */
        CONFIGURATION,
        /** Configuration and unsettled state survive. */
        UNSETTLED_STATE
    }

    /** When the terminus expires. */
    public enum ExpiryPolicy {
        /** When the link closes. */
        LINK_CLOSE,
        /** When the session ends. */
        SESSION_CLOSE,
        /** When the connection closes. */
        CONNECTION_CLOSE,
        /** Never. */
        NEVER
    }

    private final String address;
    private final boolean dynamic;
    private final DurabilityMode durability;
    private final ExpiryPolicy expiryPolicy;
    private final Duration timeout;
    private final List<String> capabilities;
    private final boolean anonymous;
    private final Map<String, Object> dynamicProperties;

    /** Builds a terminus value; used by the implementation. */
    Terminus(String address, boolean dynamic, DurabilityMode durability, ExpiryPolicy expiryPolicy, Duration timeout,
             List<String> capabilities, Map<String, Object> dynamicProperties) {
        this.anonymous = address == null && !dynamic;
        this.dynamicProperties = dynamicProperties == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dynamicProperties));
        this.address = address == null ? "" : address;
        this.dynamic = dynamic;
        this.durability = durability == null ? DurabilityMode.NONDURABLE : durability;
        this.expiryPolicy = expiryPolicy == null ? ExpiryPolicy.SESSION_CLOSE : expiryPolicy;
        this.timeout = timeout == null ? Duration.ZERO : timeout;
        this.capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }

    /**
     * @return the address, empty if none
     */
    public String address() {
        return address;
    }

    /**
     * @return true if the peer was asked to create the node
     */
    public boolean dynamic() {
        return dynamic;
    }

    /**
     * As C++ {@code terminus::durability_mode()}.
     *
     * @return the durability mode
     */
    public DurabilityMode durabilityMode() {
        return durability;
    }

    /**
     * @return the expiry policy
     */
    public ExpiryPolicy expiryPolicy() {
        return expiryPolicy;
    }

    /**
     * @return how long the terminus outlives its expiry event
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * @return the capabilities
     */
    public List<String> capabilities() {
        return capabilities;
    }

    /**
     * As C++ {@code terminus::anonymous()}: true if the node has no address and is not dynamic (a
     * sender's target to the peer's anonymous relay, which routes each message by its {@code to}).
     *
     * @return true for an anonymous node
     */
    public boolean anonymous() {
        return anonymous;
    }

    /**
     * As C++ {@code terminus::dynamic_properties()}: the dynamic node properties (AMQP
     * {@code dynamic-node-properties}; keys are symbols, given as their text).
     *
     * @return the properties, possibly empty; unmodifiable
     */
    public Map<String, Object> dynamicProperties() {
        return dynamicProperties;
    }

    /**
     * As C++ {@code terminus::node_properties()}, which C++ deprecates in favour of
     * {@link #dynamicProperties()}: the same map.
     *
     * @return the dynamic node properties
     * @deprecated use {@link #dynamicProperties()}, as in C++
     */
    @Deprecated
    public Map<String, Object> nodeProperties() {
        return dynamicProperties;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{address=" + address + (dynamic ? ", dynamic" : "") + "}";
    }
}
