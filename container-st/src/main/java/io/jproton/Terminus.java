package io.jproton;

import java.time.Duration;
import java.util.List;

/**
 * What a {@link Source} and a {@link Target} share, as {@code proton::terminus}.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 */
public abstract class Terminus {
    /** Which state the terminus keeps across detaches. */
    public enum Durability {
        /** Nothing survives. */
        NONE,
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
    private final Durability durability;
    private final ExpiryPolicy expiryPolicy;
    private final Duration timeout;
    private final List<String> capabilities;

    /** Builds a terminus value; used by the implementation. */
    Terminus(String address, boolean dynamic, Durability durability, ExpiryPolicy expiryPolicy, Duration timeout,
             List<String> capabilities) {
        this.address = address == null ? "" : address;
        this.dynamic = dynamic;
        this.durability = durability == null ? Durability.NONE : durability;
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
     * @return the durability
     */
    public Durability durability() {
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

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{address=" + address + (dynamic ? ", dynamic" : "") + "}";
    }
}
