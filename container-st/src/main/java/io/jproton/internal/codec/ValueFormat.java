package io.jproton.internal.codec;

import io.jproton.Char;
import io.jproton.Decimal128;
import io.jproton.Decimal32;
import io.jproton.Decimal64;
import io.jproton.Described;
import io.jproton.Symbol;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Prints AMQP values the way Proton C++'s {@code operator<<(std::ostream&, const value&)} does,
 * so that the examples print the same lines: a top-level string prints bare
 * ({@code Hello World!}), strings inside containers are quoted ({@code {"sequence"=1}}), lists
 * print as {@code [a, b]}, floating point numbers as C++ streams print them (6 significant
 * digits). Decimals print as Proton C++ 0.x on a little-endian host prints them: alone as
 * {@code decimal32(0x...)} with the bytes in the order C++ holds them (for decimal32 and
 * decimal64 the wire bytes reversed, for decimal128 the wire bytes), inside a container as
 * Proton C's {@code D32(unsigned value of the bits)}, {@code D64(...)}, {@code D128(hex)}. Also
 * deep equality of values holding {@code byte[]}. Stateless; thread-safe.
 */
public final class ValueFormat {
    private ValueFormat() {}

    /**
     * @param v any AMQP value
     * @return its C++-style text
     */
    public static String format(Object v) {
        StringBuilder sb = new StringBuilder();
        append(sb, v, true);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v, boolean top) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            if (top) sb.append(s); else quote(sb, s);
        } else if (v instanceof Symbol s) {
            if (top) sb.append(s.value()); else sb.append(':').append(s.value());
        } else if (v instanceof byte[] b) {
            sb.append("b");
            quote(sb, new String(b, java.nio.charset.StandardCharsets.ISO_8859_1));
        } else if (v instanceof Double d) {
            sb.append(cppDouble(d));
        } else if (v instanceof Float f) {
            sb.append(cppDouble(f.doubleValue()));
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                append(sb, e.getKey(), false);
                sb.append('=');
                append(sb, e.getValue(), false);
                if (it.hasNext()) sb.append(", ");
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) sb.append(", ");
                append(sb, l.get(i), false);
            }
            sb.append(']');
        } else if (v instanceof Described d) {
            sb.append('@');
            append(sb, d.descriptor(), false);
            sb.append('[');
            append(sb, d.value(), false);
            sb.append(']');
        } else if (v instanceof Boolean b) {
            // as C++: a bare bool streams as 1/0, one inside a container as true/false
            sb.append(top ? (b ? "1" : "0") : b.toString());
        } else if (v.getClass().isArray()) {
            sb.append("@PN_").append(pnType(v.getClass().getComponentType())).append('[');
            int n = java.lang.reflect.Array.getLength(v);
            for (int i = 0; i < n; i++) {
                if (i > 0) sb.append(", ");
                append(sb, java.lang.reflect.Array.get(v, i), false);
            }
            sb.append(']');
        } else if (v instanceof Character c) {
            sb.appendCodePoint(c);
        } else if (v instanceof Char c) {
            sb.appendCodePoint(c.codePoint());
        } else if (v instanceof Decimal32 x) {
            // C++ prints the decimal32's host-order bytes alone and pn_data's uint32 inside containers
            sb.append(top ? String.format("decimal32(0x%08x)", Integer.reverseBytes(x.bits()))
                    : "D32(" + Integer.toUnsignedString(x.bits()) + ")");
        } else if (v instanceof Decimal64 x) {
            sb.append(top ? String.format("decimal64(0x%016x)", Long.reverseBytes(x.bits()))
                    : "D64(" + Long.toUnsignedString(x.bits()) + ")");
        } else if (v instanceof Decimal128 x) {
            String hex = String.format("%016x%016x", x.highBits(), x.lowBits());
            sb.append(top ? "decimal128(0x" + hex + ")" : "D128(" + hex + ")");
        } else {
            sb.append(v);
        }
    }

    private static String pnType(Class<?> component) {
        String name = io.jproton.Values.typeName(component);
        return name.equals("boolean") ? "BOOL" : name.toUpperCase(java.util.Locale.ROOT);
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /**
     * @param d a double
     * @return what a default C++ ostream prints for it (%g, precision 6)
     */
    static String cppDouble(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0" : "0";
        java.math.BigDecimal r = new java.math.BigDecimal(d).round(new java.math.MathContext(6));
        int exp = r.precision() - r.scale() - 1;
        if (exp >= -4 && exp < 6) {
            return r.stripTrailingZeros().toPlainString();
        }
        String mantissa = r.movePointLeft(exp).stripTrailingZeros().toPlainString();
        return mantissa + "e" + (exp < 0 ? "-" : "+") + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exp));
    }

    /** Finds an entry by deep key equality: keys such as byte[] or arrays are not equal by equals(). */
    private static boolean hasEntry(Map<?, ?> m, Map.Entry<?, ?> entry) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (valueEquals(e.getKey(), entry.getKey()) && valueEquals(e.getValue(), entry.getValue())) return true;
        }
        return false;
    }

    /**
     * @param a a value
     * @param b a value
     * @return true if equal, comparing byte arrays by content, deeply
     */
    public static boolean valueEquals(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (a instanceof byte[] x && b instanceof byte[] y) return Arrays.equals(x, y);
        if (a.getClass().isArray() && b.getClass().isArray()) {
            if (a.getClass() != b.getClass()) return false;
            int n = java.lang.reflect.Array.getLength(a);
            if (n != java.lang.reflect.Array.getLength(b)) return false;
            for (int i = 0; i < n; i++) {
                if (!valueEquals(java.lang.reflect.Array.get(a, i), java.lang.reflect.Array.get(b, i))) return false;
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) {
                if (!valueEquals(x.get(i), y.get(i))) return false;
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) return false;
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (y.containsKey(e.getKey()) ? !valueEquals(e.getValue(), y.get(e.getKey())) : !hasEntry(y, e)) return false;
            }
            return true;
        }
        if (a instanceof Described x && b instanceof Described y) {
            return x.descriptor().equals(y.descriptor()) && valueEquals(x.value(), y.value());
        }
        return Objects.equals(a, b) && a.getClass() == b.getClass();
    }
}
