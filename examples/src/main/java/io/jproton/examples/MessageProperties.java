package io.jproton.examples;

import io.jproton.ConversionException;
import io.jproton.Message;
import io.jproton.Symbol;
import io.jproton.Values;
import java.util.Map;
import java.util.TreeMap;

/**
 * Setting, reading, checking and converting application properties, as the C++
 * {@code message_properties}; prints the same lines.
 */
public final class MessageProperties {
    private MessageProperties() {}

    /**
     * @param args none
     */
    public static void main(String[] args) {
        new Options("message_properties").parse(args);
        Message m = new Message();
        // Each Java type stands for its AMQP counterpart: Short is an AMQP short.
        m.properties().put("short", (short) 123);
        m.properties().put("string", "foo");
        m.properties().put("symbol", Symbol.of("sym"));

        String s = Values.get(m.properties().get("string"), String.class);
        short i = Values.get(m.properties().get("short"), Short.class);
        if (!"symbol".equals(Values.typeName(m.properties().get("symbol")))) {
            throw new IllegalStateException("wrong type!");
        }
        System.out.println("using put/get: short=" + i + " string=" + s + " symbol="
                + Values.format(m.properties().get("symbol")));
        System.out.println("using coerce: short(as long)=" + Values.coerce(m.properties().get("short"), Long.class));

        Map<String, Object> props = new TreeMap<>(m.properties());
        props.forEach((k, v) -> System.out.println("props[" + k + "]=" + Values.format(v)));
        props.put("string", "bar");
        props.put("short", 42);
        m.properties().clear();
        m.properties().putAll(props);
        System.out.println("short=" + Values.format(m.properties().get("short")) + " string="
                + Values.format(m.properties().get("string")));

        try {
            Values.get(m.properties().get("short"), io.jproton.UInt.class);
            throw new IllegalStateException("expected exception");
        } catch (ConversionException e) {
            System.out.println("expected conversion_error: \"" + e.getMessage() + '"');
        }
        try {
            Values.get(m.properties().get("string"), io.jproton.UInt.class);
            throw new IllegalStateException("expected exception");
        } catch (ConversionException e) {
            System.out.println("expected conversion_error: \"" + e.getMessage() + '"');
        }
    }
}
