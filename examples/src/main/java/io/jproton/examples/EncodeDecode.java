package io.jproton.examples;

import io.jproton.Described;
import io.jproton.Symbol;
import io.jproton.Values;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How Java values map to AMQP types and back, as the C++ {@code encode_decode}: each value is
 * encoded, decoded, and printed with its AMQP types ({@code array<int>[int(1), ...]},
 * {@code map{string(one):int(1), ...}}). Java arrays (other than {@code byte[]}) are AMQP arrays,
 * Lists are AMQP lists, Maps are AMQP maps. The typed lines match the C++ program's; the lines
 * that print Java containers ({@code [ 1 2 3 ]}) mimic its C++ container output.
 */
public final class EncodeDecode {
    private EncodeDecode() {}

    /** Encodes, decodes and prints a value with its AMQP types. */
    static Object print(Object value) {
        Object decoded = Values.decode(Values.encode(value));
        StringBuilder sb = new StringBuilder();
        printNext(sb, decoded);
        System.out.println(sb);
        return decoded;
    }

    private static void printNext(StringBuilder sb, Object v) {
        if (v != null && v.getClass().isArray() && !(v instanceof byte[])) {
            sb.append("array<").append(Values.typeName(v.getClass().getComponentType())).append(">[");
            for (int i = 0; i < Array.getLength(v); i++) {
                if (i > 0) sb.append(", ");
                printNext(sb, Array.get(v, i));
            }
            sb.append(']');
        } else if (v instanceof List<?> l) {
            sb.append("list[");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) sb.append(", ");
                printNext(sb, l.get(i));
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> m) {
            sb.append("map{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) sb.append(", ");
                first = false;
                printNext(sb, e.getKey());
                sb.append(':');
                printNext(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof Described d) {
            sb.append("described(");
            printNext(sb, d.descriptor());
            printNext(sb, d.value());
            sb.append(')');
        } else {
            sb.append(Values.typeName(v)).append('(').append(Values.format(v)).append(')');
        }
    }

    /** Prints a Java sequence as the C++ example prints a std::vector or std::list: {@code [ 1 2 3 ]}. */
    private static String seq(Iterable<?> items) {
        StringBuilder sb = new StringBuilder("[ ");
        for (Object o : items) {
            sb.append(o instanceof Map.Entry<?, ?> e ? e.getKey() + ":" + e.getValue() : Values.format(o)).append(' ');
        }
        return sb.append(']').toString();
    }

    /** Prints a Java map as the C++ example prints a std::map: {@code { one:1 two:2 }}. */
    private static String map(Map<?, ?> m) {
        StringBuilder sb = new StringBuilder("{ ");
        m.forEach((k, v) -> sb.append(Values.format(k)).append(':').append(Values.format(v)).append(' '));
        return sb.append('}').toString();
    }

    private static void uniformContainers() {
        System.out.println();
        System.out.println("== Array, list and map of uniform type.");
        int[] a = {1, 2, 3};
        int[] back = (int[]) print(a); // a Java array is an AMQP array
        List<Integer> a1 = new ArrayList<>();
        for (int i : back) {
            a1.add(i);
        }
        System.out.println(seq(a1));
        Object list = print(a1); // a List is an AMQP list
        System.out.println(seq((List<?>) list));
        Map<String, Integer> m = new TreeMap<>(Map.of("one", 1, "two", 2));
        Object mapBack = print(m);
        System.out.println(map((Map<?, ?>) mapBack));
        Map<String, Integer> pairs = new LinkedHashMap<>(); // keeps the encoded order
        pairs.put("z", 3);
        pairs.put("a", 4);
        Object pairsBack = print(pairs);
        System.out.println(seq(((Map<?, ?>) pairsBack).entrySet()));
        print(List.of("a", "b", "c"));
    }

    private static void mixedContainers() {
        System.out.println();
        System.out.println("== List and map of mixed type values.");
        Object l = print(List.of(42, "foo"));
        System.out.println(seq((List<?>) l));
        Map<Object, Object> m = new LinkedHashMap<>(); // in the order C++'s std::map<value, value> sorts them
        m.put(4, "four");
        m.put("five", 5);
        Object back = print(m);
        System.out.println(map((Map<?, ?>) back));
    }

    private static void insertStreamOperators() {
        System.out.println();
        System.out.println("== Insert with stream operators.");
        print(new Integer[] {1, 2, 3});
        print(List.of(42, false, Symbol.of("x")));
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("k1", 42);
        m.put(Symbol.of("k2"), false);
        print(m);
    }

    /** @param args none */
    public static void main(String[] args) {
        new Options("encode_decode").parse(args);
        uniformContainers();
        mixedContainers();
        insertStreamOperators();
    }
}
