package io.jproton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings shared by {@link SourceOptions} and {@link TargetOptions}. Unset fields keep the defaults.
 *
 * <p>Thread-safety: not thread-safe; a plain value that is copied when used.
 *
 * @param <T> the concrete options type, for chaining
 */
public abstract class TerminusOptions<T extends TerminusOptions<T>> {
    String address;
    Boolean dynamic;
    Terminus.DurabilityMode durability;
    Terminus.ExpiryPolicy expiryPolicy;
    Duration timeout;
    List<String> capabilities;
    Boolean anonymous;
    java.util.Map<String, Object> dynamicProperties;

    TerminusOptions() {}

    TerminusOptions(TerminusOptions<T> other) {
        address = other.address;
        dynamic = other.dynamic;
        durability = other.durability;
        expiryPolicy = other.expiryPolicy;
        timeout = other.timeout;
        capabilities = other.capabilities == null ? null : new ArrayList<>(other.capabilities);
        anonymous = other.anonymous;
        dynamicProperties = other.dynamicProperties == null ? null : new java.util.LinkedHashMap<>(other.dynamicProperties);
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    /**
     * @param address the node address
     * @return this
     */
    public T address(String address) {
        this.address = address;
        return self();
    }

    /**
     * @param dynamic ask the peer to create a node
     * @return this
     */
    public T dynamic(boolean dynamic) {
        this.dynamic = dynamic;
        return self();
    }

    /**
     * @param durability the durability
     * @return this
     */
    public T durabilityMode(Terminus.DurabilityMode durability) {
        this.durability = durability;
        return self();
    }

    /**
     * @param policy the expiry policy
     * @return this
     */
    public T expiryPolicy(Terminus.ExpiryPolicy policy) {
        this.expiryPolicy = policy;
        return self();
    }

    /**
     * @param timeout the timeout, whole seconds are sent
     * @return this
     */
    public T timeout(Duration timeout) {
        this.timeout = timeout;
        return self();
    }

    /**
     * @param capabilities the capabilities (sent as symbols)
     * @return this
     */
    public T capabilities(List<String> capabilities) {
        this.capabilities = new ArrayList<>(capabilities);
        return self();
    }

    /**
     * As C++ {@code source_options::anonymous} / {@code target_options::anonymous}: asks for the
     * peer's anonymous node (a target without address: the anonymous relay); any address given is
     * ignored when true. Default false.
     *
     * @param anonymous whether the node is anonymous
     * @return this
     */
    public T anonymous(boolean anonymous) {
        this.anonymous = anonymous;
        return self();
    }

    /**
     * As C++ {@code dynamic_properties}: the dynamic node properties to send (AMQP
     * {@code dynamic-node-properties}, keys sent as symbols), for a {@link #dynamic(boolean) dynamic} node.
     *
     * @param properties the properties
     * @return this
     */
    public T dynamicProperties(java.util.Map<String, Object> properties) {
        this.dynamicProperties = new java.util.LinkedHashMap<>(properties);
        return self();
    }

    /**
     * @return whether an anonymous node was asked for, or null if unset
     */
    public Boolean anonymous() {
        return anonymous;
    }

    /**
     * @return the dynamic node properties, or null if unset
     */
    public java.util.Map<String, Object> dynamicProperties() {
        return dynamicProperties;
    }

    /**
     * @return the address, or null if unset
     */
    public String address() {
        return address;
    }

    /**
     * @return whether dynamic was asked, or null if unset
     */
    public Boolean dynamic() {
        return dynamic;
    }

    /**
     * @return the durability, or null if unset
     */
    public Terminus.DurabilityMode durabilityMode() {
        return durability;
    }

    /**
     * @return the expiry policy, or null if unset
     */
    public Terminus.ExpiryPolicy expiryPolicy() {
        return expiryPolicy;
    }

    /**
     * @return the timeout, or null if unset
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * @return the capabilities, or null if unset
     */
    public List<String> capabilities() {
        return capabilities;
    }
}
