package io.jproton.internal.codec;

import io.jproton.Symbol;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A message's annotations or footer: keys are AMQP annotation keys (symbols or ulongs), and a
 * {@link String} key stands for the symbol of that text, as C++ {@code annotation_key} does both
 * ways: {@code put("x-opt-a", v)} stores under {@code Symbol.of("x-opt-a")}, and {@code get},
 * {@code containsKey} and {@code remove} find a symbol key by its text. So a message sent with
 * String keys equals the message received (whose keys arrive as symbols), and
 * {@code get("x-opt-...")} works on both. Insertion order is kept.
 *
 * <p>Not thread-safe; part of a {@link io.jproton.Message}.
 */
public final class AnnotationMap extends AbstractMap<Object, Object> {
    private final LinkedHashMap<Object, Object> map;

    /** An empty map. */
    public AnnotationMap() {
        map = new LinkedHashMap<>();
    }

    /**
     * @param other entries to copy, their String keys turned into symbols
     */
    public AnnotationMap(Map<?, ?> other) {
        map = new LinkedHashMap<>(Math.max(4, other.size() * 2));
        other.forEach(this::put);
    }

    private static Object key(Object k) {
        return k instanceof String s ? Symbol.of(s) : k;
    }

    @Override
    public Object put(Object key, Object value) {
        return map.put(key(key), value);
    }

    @Override
    public Object get(Object key) {
        return map.get(key(key));
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key(key));
    }

    @Override
    public Object remove(Object key) {
        return map.remove(key(key));
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public void clear() {
        map.clear();
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return map.entrySet();
    }
}
