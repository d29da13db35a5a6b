package io.jproton.internal.engine;

import io.jproton.Source;
import io.jproton.SourceOptions;
import io.jproton.Target;
import io.jproton.TargetOptions;
import io.jproton.Terminus;
import io.jproton.TerminusOptions;
import io.jproton.internal.codec.AmqpTypes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.apache.qpid.proton.amqp.messaging.TerminusDurability;
import org.apache.qpid.proton.amqp.messaging.TerminusExpiryPolicy;

/** Converts link termini between the public types and proton-j's. Stateless; thread-safe. */
final class Termini {
    private static final Symbol MOVE = Symbol.valueOf("move");
    private static final Symbol COPY = Symbol.valueOf("copy");

    private Termini() {}

    static org.apache.qpid.proton.amqp.messaging.Source source(String address, SourceOptions o) {
        org.apache.qpid.proton.amqp.messaging.Source s = new org.apache.qpid.proton.amqp.messaging.Source();
        applyCommon(s, address, o);
        if (o != null) {
            if (o.distributionMode() != null && o.distributionMode() != Source.DistributionMode.UNSPECIFIED) {
                s.setDistributionMode(o.distributionMode() == Source.DistributionMode.MOVE ? MOVE : COPY);
            }
            if (o.filters() != null) {
                Map<Symbol, Object> f = new LinkedHashMap<>();
                o.filters().forEach((k, v) -> f.put(Symbol.valueOf(k), AmqpTypes.toEngine(v)));
                s.setFilter(f);
            }
        }
        return s;
    }

    static org.apache.qpid.proton.amqp.messaging.Target target(String address, TargetOptions o) {
        org.apache.qpid.proton.amqp.messaging.Target t = new org.apache.qpid.proton.amqp.messaging.Target();
        applyCommon(t, address, o);
        return t;
    }

    /** Sets what sources and targets share: the address (the options' wins), then every option that is set. */
    private static void applyCommon(org.apache.qpid.proton.amqp.messaging.Terminus t, String address, TerminusOptions<?> o) {
        t.setAddress(address == null || address.isEmpty() ? null : address);
        if (o == null) {
            return;
        }
        if (o.address() != null) t.setAddress(o.address());
        if (Boolean.TRUE.equals(o.dynamic())) t.setDynamic(true);
        if (o.durabilityMode() != null) t.setDurable(durability(o.durabilityMode()));
        if (o.expiryPolicy() != null) t.setExpiryPolicy(expiry(o.expiryPolicy()));
        if (o.timeout() != null) t.setTimeout(UnsignedInteger.valueOf(o.timeout().toSeconds()));
        if (o.capabilities() != null) t.setCapabilities(AmqpTypes.symbols(o.capabilities()));
        if (o.dynamicProperties() != null) t.setDynamicNodeProperties(AmqpTypes.symbolKeyed(o.dynamicProperties()));
        if (Boolean.TRUE.equals(o.anonymous())) t.setAddress(null);
    }

    static Source fromEngine(org.apache.qpid.proton.amqp.transport.Source ts) {
        if (!(ts instanceof org.apache.qpid.proton.amqp.messaging.Source s)) {
            return new Source(null, false, null, null, null, null, null, null, null);
        }
        Source.DistributionMode mode = s.getDistributionMode() == null ? Source.DistributionMode.UNSPECIFIED
                : MOVE.equals(s.getDistributionMode()) ? Source.DistributionMode.MOVE
                : COPY.equals(s.getDistributionMode()) ? Source.DistributionMode.COPY : Source.DistributionMode.UNSPECIFIED;
        Map<String, Object> filters = new LinkedHashMap<>();
        if (s.getFilter() != null) {
            ((Map<?, ?>) s.getFilter()).forEach((k, v) -> filters.put(k.toString(), AmqpTypes.fromEngine(v)));
        }
        return new Source(s.getAddress(), s.getDynamic(), durability(s.getDurable()), expiry(s.getExpiryPolicy()),
                timeout(s.getTimeout()), AmqpTypes.names(s.getCapabilities()), mode, filters,
                AmqpTypes.stringKeyed(s.getDynamicNodeProperties()));
    }

    static Target fromEngine(org.apache.qpid.proton.amqp.transport.Target tt) {
        if (!(tt instanceof org.apache.qpid.proton.amqp.messaging.Target t)) {
            return new Target(null, false, null, null, null, null, null);
        }
        return new Target(t.getAddress(), t.getDynamic(), durability(t.getDurable()), expiry(t.getExpiryPolicy()),
                timeout(t.getTimeout()), AmqpTypes.names(t.getCapabilities()), AmqpTypes.stringKeyed(t.getDynamicNodeProperties()));
    }

    static org.apache.qpid.proton.amqp.messaging.Source copy(org.apache.qpid.proton.amqp.transport.Source remote) {
        org.apache.qpid.proton.amqp.messaging.Source s = new org.apache.qpid.proton.amqp.messaging.Source();
        if (remote instanceof org.apache.qpid.proton.amqp.messaging.Source r) {
            copyCommon(r, s);
            s.setDistributionMode(r.getDistributionMode());
            s.setFilter(r.getFilter());
        }
        return s;
    }

    static org.apache.qpid.proton.amqp.messaging.Target copy(org.apache.qpid.proton.amqp.transport.Target remote) {
        org.apache.qpid.proton.amqp.messaging.Target t = new org.apache.qpid.proton.amqp.messaging.Target();
        if (remote instanceof org.apache.qpid.proton.amqp.messaging.Target r) {
            copyCommon(r, t);
        }
        return t;
    }

    private static void copyCommon(org.apache.qpid.proton.amqp.messaging.Terminus from,
                                   org.apache.qpid.proton.amqp.messaging.Terminus to) {
        to.setAddress(from.getAddress());
        to.setDynamic(from.getDynamic());
        to.setDurable(from.getDurable());
        to.setExpiryPolicy(from.getExpiryPolicy());
        to.setTimeout(from.getTimeout());
        to.setCapabilities(from.getCapabilities());
        to.setDynamicNodeProperties(from.getDynamicNodeProperties());
    }

    private static TerminusDurability durability(Terminus.DurabilityMode d) {
        return switch (d) {
            case NONDURABLE -> TerminusDurability.NONE;
            case CONFIGURATION -> TerminusDurability.CONFIGURATION;
            case UNSETTLED_STATE -> TerminusDurability.UNSETTLED_STATE;
        };
    }

    private static Terminus.DurabilityMode durability(TerminusDurability d) {
        if (d == null) return Terminus.DurabilityMode.NONDURABLE;
        return switch (d) {
            case NONE -> Terminus.DurabilityMode.NONDURABLE;
            case CONFIGURATION -> Terminus.DurabilityMode.CONFIGURATION;
            case UNSETTLED_STATE -> Terminus.DurabilityMode.UNSETTLED_STATE;
        };
    }

    private static TerminusExpiryPolicy expiry(Terminus.ExpiryPolicy p) {
        return switch (p) {
            case LINK_CLOSE -> TerminusExpiryPolicy.LINK_DETACH;
            case SESSION_CLOSE -> TerminusExpiryPolicy.SESSION_END;
            case CONNECTION_CLOSE -> TerminusExpiryPolicy.CONNECTION_CLOSE;
            case NEVER -> TerminusExpiryPolicy.NEVER;
        };
    }

    private static Terminus.ExpiryPolicy expiry(TerminusExpiryPolicy p) {
        if (p == null) return Terminus.ExpiryPolicy.SESSION_CLOSE;
        return switch (p) {
            case LINK_DETACH -> Terminus.ExpiryPolicy.LINK_CLOSE;
            case SESSION_END -> Terminus.ExpiryPolicy.SESSION_CLOSE;
            case CONNECTION_CLOSE -> Terminus.ExpiryPolicy.CONNECTION_CLOSE;
            case NEVER -> Terminus.ExpiryPolicy.NEVER;
        };
    }

    private static Duration timeout(UnsignedInteger t) {
        return t == null ? Duration.ZERO : Duration.ofSeconds(t.longValue());
    }
}
