package io.jproton.internal.engine;

import io.jproton.ErrorCondition;
import io.jproton.internal.codec.AmqpTypes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.qpid.proton.amqp.Symbol;

/** Converts error conditions between the public type and proton-j's. Stateless; thread-safe. */
final class Conditions {
    private Conditions() {}

    static ErrorCondition fromEngine(org.apache.qpid.proton.amqp.transport.ErrorCondition c) {
        if (c == null || c.getCondition() == null) {
            return null;
        }
        Map<Object, Object> props = new LinkedHashMap<>();
        if (c.getInfo() != null) {
            ((Map<?, ?>) c.getInfo()).forEach((k, v) -> props.put(AmqpTypes.fromEngine(k), AmqpTypes.fromEngine(v)));
        }
        return new ErrorCondition(c.getCondition().toString(), c.getDescription(), props);
    }

    static org.apache.qpid.proton.amqp.transport.ErrorCondition toEngine(ErrorCondition c) {
        if (c == null || c.empty()) {
            return null;
        }
        org.apache.qpid.proton.amqp.transport.ErrorCondition e = new org.apache.qpid.proton.amqp.transport.ErrorCondition(
                Symbol.valueOf(c.name()), c.description().isEmpty() ? null : c.description());
        if (!c.properties().isEmpty()) {
            Map<Symbol, Object> info = new LinkedHashMap<>();
            c.properties().forEach((k, v) -> info.put(Symbol.valueOf(k.toString()), AmqpTypes.toEngine(v)));
            e.setInfo(info);
        }
        return e;
    }
}
