package io.jproton.internal.codec;

import io.jproton.Char;
import io.jproton.Decimal128;
import io.jproton.Decimal32;
import io.jproton.Decimal64;
import io.jproton.Described;
import io.jproton.Symbol;
import io.jproton.Timestamp;
import io.jproton.UByte;
import io.jproton.UInt;
import io.jproton.ULong;
import io.jproton.UShort;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.DescribedType;
import org.apache.qpid.proton.amqp.UnsignedByte;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.apache.qpid.proton.amqp.UnsignedLong;
import org.apache.qpid.proton.amqp.UnsignedShort;

/**
 * Maps jproton's public AMQP value types to proton-j's and back. The only place that knows both.
 * Stateless; thread-safe.
 */
public final class AmqpTypes {
    private AmqpTypes() {}

    /**
     * @param v a public-API value
     * @return the proton-j value to encode
     */
    public static Object toEngine(Object v) {
        if (v == null || v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Boolean
                || v instanceof Double || v instanceof Float || v instanceof Short || v instanceof Byte
                || v instanceof Character || v instanceof UUID) {
            return v;
        }
        if (v instanceof byte[] b) return new Binary(b);
        if (v instanceof Decimal32 d) return new org.apache.qpid.proton.amqp.Decimal32(d.bits());
        if (v instanceof Decimal64 d) return new org.apache.qpid.proton.amqp.Decimal64(d.bits());
        if (v instanceof Decimal128 d) return new org.apache.qpid.proton.amqp.Decimal128(d.highBits(), d.lowBits());
        if (v instanceof Char c) {
            if (c.codePoint() > 0xffff) {
                throw new IllegalArgumentException("proton-j cannot carry an AMQP char above U+FFFF: " + c);
            }
            return (char) c.codePoint();
        }
        if (v instanceof Symbol s) return org.apache.qpid.proton.amqp.Symbol.valueOf(s.value());
        if (v instanceof ULong u) return UnsignedLong.valueOf(u.bits());
        if (v instanceof UInt u) return UnsignedInteger.valueOf(u.value());
        if (v instanceof UShort u) return UnsignedShort.valueOf((short) u.value());
        if (v instanceof UByte u) return UnsignedByte.valueOf((byte) u.value());
        if (v instanceof Timestamp t) return new Date(t.millis());
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>(m.size() * 2);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(toEngine(e.getKey()), toEngine(e.getValue()));
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(toEngine(o));
            }
            return out;
        }
        if (v instanceof Described d) return new EngineDescribed(toEngine(d.descriptor()), toEngine(d.value()));
        throw new IllegalArgumentException("not an AMQP value type: " + v.getClass().getName());
    }

    /**
     * @param v a decoded proton-j value
     * @return the public-API value
     */
    public static Object fromEngine(Object v) {
        if (v == null || v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Boolean
                || v instanceof Double || v instanceof Float || v instanceof Short || v instanceof Byte
                || v instanceof Character || v instanceof UUID) {
            return v;
        }
        if (v instanceof Binary b) return b.getArray().length == b.getLength() && b.getArrayOffset() == 0
                ? b.getArray() : java.util.Arrays.copyOfRange(b.getArray(), b.getArrayOffset(), b.getArrayOffset() + b.getLength());
        if (v instanceof org.apache.qpid.proton.amqp.Symbol s) return Symbol.of(s.toString());
        if (v instanceof UnsignedLong u) return ULong.of(u.longValue());
        if (v instanceof UnsignedInteger u) return UInt.of(u.longValue());
        if (v instanceof UnsignedShort u) return UShort.of(u.intValue());
        if (v instanceof UnsignedByte u) return UByte.of(u.intValue());
        if (v instanceof Date d) return Timestamp.of(d.getTime());
        if (v instanceof org.apache.qpid.proton.amqp.Decimal32 d) return Decimal32.fromBits(d.getBits());
        if (v instanceof org.apache.qpid.proton.amqp.Decimal64 d) return Decimal64.fromBits(d.getBits());
        if (v instanceof org.apache.qpid.proton.amqp.Decimal128 d) {
            return new Decimal128(d.getMostSignificantBits(), d.getLeastSignificantBits());
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>(m.size() * 2);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(fromEngine(e.getKey()), fromEngine(e.getValue()));
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(fromEngine(o));
            }
            return out;
        }
        if (v instanceof Object[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (Object o : a) {
                out.add(fromEngine(o));
            }
            return out;
        }
        if (v instanceof DescribedType d) return new Described(fromEngine(d.getDescriptor()), fromEngine(d.getDescribed()));
        return v;
    }

    /**
     * @param name a symbol text, may be null
     * @return the proton-j symbol, or null
     */
    public static org.apache.qpid.proton.amqp.Symbol symbol(String name) {
        return name == null ? null : org.apache.qpid.proton.amqp.Symbol.valueOf(name);
    }

    /**
     * @param names symbol texts, may be null
     * @return proton-j symbols, or null
     */
    public static org.apache.qpid.proton.amqp.Symbol[] symbols(List<String> names) {
        if (names == null) return null;
        org.apache.qpid.proton.amqp.Symbol[] out = new org.apache.qpid.proton.amqp.Symbol[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = symbol(names.get(i));
        }
        return out;
    }

    /**
     * @param syms proton-j symbols, may be null
     * @return their texts, never null
     */
    public static List<String> names(org.apache.qpid.proton.amqp.Symbol[] syms) {
        if (syms == null) return List.of();
        List<String> out = new ArrayList<>(syms.length);
        for (org.apache.qpid.proton.amqp.Symbol s : syms) {
            out.add(s.toString());
        }
        return out;
    }

    /**
     * @param map string-keyed map, may be null
     * @return symbol-keyed engine map, or null
     */
    public static Map<org.apache.qpid.proton.amqp.Symbol, Object> symbolKeyed(Map<String, Object> map) {
        if (map == null) return null;
        Map<org.apache.qpid.proton.amqp.Symbol, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(symbol(k), toEngine(v)));
        return out;
    }

    /**
     * @param map symbol-keyed engine map, may be null
     * @return a string-keyed public map, never null
     */
    public static Map<String, Object> stringKeyed(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((k, v) -> out.put(String.valueOf(k), fromEngine(v)));
        }
        return out;
    }

    /** A described value for proton-j's encoder. */
    record EngineDescribed(Object descriptor, Object described) implements DescribedType {
        @Override
        public Object getDescriptor() {
            return descriptor;
        }

        @Override
        public Object getDescribed() {
            return described;
        }
    }
}
