package io.jproton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link SenderOptions} and {@link ReceiverOptions} share. Fields left unset take the
 * container's defaults.
 *
 * <p>Thread-safety: not thread-safe; a plain value that is copied when used.
 *
 * @param <T> the concrete options type, for chaining
 */
public abstract class LinkOptions<T extends LinkOptions<T>> {
    MessagingHandler handler;
    DeliveryMode deliveryMode;
    String name;
    SourceOptions source;
    TargetOptions target;
    Map<String, Object> properties;
    java.util.List<String> offeredCapabilities;
    java.util.List<String> desiredCapabilities;

    LinkOptions() {}

    void copyFrom(LinkOptions<?> other) {
        if (other.handler != null) handler = other.handler;
        if (other.deliveryMode != null) deliveryMode = other.deliveryMode;
        if (other.name != null) name = other.name;
        if (other.source != null) source = new SourceOptions(other.source);
        if (other.target != null) target = new TargetOptions(other.target);
        if (other.properties != null) properties = new LinkedHashMap<>(other.properties);
        if (other.offeredCapabilities != null) offeredCapabilities = java.util.List.copyOf(other.offeredCapabilities);
        if (other.desiredCapabilities != null) desiredCapabilities = java.util.List.copyOf(other.desiredCapabilities);
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    /**
     * @param handler the handler for this link's events
     * @return this
     */
    public T handler(MessagingHandler handler) {
        this.handler = handler;
        return self();
    }

    /**
     * @param mode the delivery mode
     * @return this
     */
    public T deliveryMode(DeliveryMode mode) {
        this.deliveryMode = mode;
        return self();
    }

    /**
     * @param name the link name (unique per connection; generated if unset)
     * @return this
     */
    public T name(String name) {
        this.name = name;
        return self();
    }

    /**
     * @param source source terminus options
     * @return this
     */
    public T source(SourceOptions source) {
        this.source = new SourceOptions(source);
        return self();
    }

    /**
     * @param target target terminus options
     * @return this
     */
    public T target(TargetOptions target) {
        this.target = new TargetOptions(target);
        return self();
    }

    /**
     * @param properties link properties to send (keys sent as symbols)
     * @return this
     */
    public T properties(Map<String, Object> properties) {
        this.properties = new LinkedHashMap<>(properties);
        return self();
    }

    /**
     * @param caps capabilities this link offers (sent as symbols in the attach)
     * @return this
     */
    public T offeredCapabilities(java.util.List<String> caps) {
        this.offeredCapabilities = java.util.List.copyOf(caps);
        return self();
    }

    /**
     * @param caps capabilities this link asks the peer for (sent as symbols in the attach)
     * @return this
     */
    public T desiredCapabilities(java.util.List<String> caps) {
        this.desiredCapabilities = java.util.List.copyOf(caps);
        return self();
    }

    /**
     * @return the offered capabilities, or null if unset
     */
    public java.util.List<String> offeredCapabilities() { return offeredCapabilities; }
    /**
     * @return the desired capabilities, or null if unset
     */
    public java.util.List<String> desiredCapabilities() { return desiredCapabilities; }
    /**
     * @return the handler, or null if unset
     */
    public MessagingHandler handler() { return handler; }
    /**
     * @return the delivery mode, or null if unset
     */
    public DeliveryMode deliveryMode() { return deliveryMode; }
    /**
     * @return the name, or null if unset
     */
    public String name() { return name; }
    /**
     * @return the source options, or null if unset
     */
    public SourceOptions source() { return source; }
    /**
     * @return the target options, or null if unset
     */
    public TargetOptions target() { return target; }
    /**
     * @return the properties, or null if unset
     */
    public Map<String, Object> properties() { return properties; }
}
