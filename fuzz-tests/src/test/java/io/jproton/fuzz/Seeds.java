package io.jproton.fuzz;

import io.jproton.Char;
import io.jproton.Decimal128;
import io.jproton.Decimal32;
import io.jproton.Decimal64;
import io.jproton.Described;
import io.jproton.Message;
import io.jproton.Symbol;
import io.jproton.Timestamp;
import io.jproton.UByte;
import io.jproton.UInt;
import io.jproton.ULong;
import io.jproton.UShort;
import io.jproton.Values;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The seed corpus: valid encodings of every AMQP type (and of the compact forms the encoder does
 * not write) and messages with every section. Deterministic, so that {@link SeedCorpusTest} can
 * check the checked-in files against it. Stateless; thread-safe.
 */
final class Seeds {
    private Seeds() {}

    static Map<String, Object> scalars() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("null", null);
        m.put("true", true);
        m.put("false", false);
        m.put("ubyte", UByte.of(200));
        m.put("ushort", UShort.of(60000));
        m.put("uint", UInt.of(4_000_000_000L));
        m.put("uint-small", UInt.of(7));
        m.put("uint0", UInt.of(0));
        m.put("ulong", ULong.of(-1));
        m.put("ulong-small", ULong.of(9));
        m.put("ulong0", ULong.of(0));
        m.put("byte", (byte) -5);
        m.put("short", (short) -300);
        m.put("int", -100_000);
        m.put("int-small", 100);
        m.put("long", Long.MIN_VALUE);
        m.put("long-small", -3L);
        m.put("float", 1.5f);
        m.put("double", -2.25e300);
        m.put("decimal32", Decimal32.of(new BigDecimal("-1.5")));
        m.put("decimal64", Decimal64.of(new BigDecimal("9999999999999999E369")));
        m.put("decimal128", Decimal128.of(new BigDecimal("1E-6176")));
        m.put("decimal-nan", Decimal32.fromBits(0x7c000000));
        m.put("char", '\u00e9');
        m.put("char-supplementary", Char.of(0x1F600));
        m.put("timestamp", Timestamp.of(1_700_000_000_000L));
        m.put("uuid", new UUID(0x0123456789abcdefL, 0xfedcba9876543210L));
        m.put("binary", new byte[] {0, 1, 2, (byte) 0xff});
        m.put("binary-large", new byte[300]);
        m.put("string", "ünïcode \uD83D\uDE00");
        m.put("string-large", "x".repeat(300));
        m.put("symbol", Symbol.of("amqp:symbol"));
        return m;
    }

    static Map<String, Object> compounds() {
        Map<String, Object> m = new LinkedHashMap<>();
        Described d = new Described(Symbol.of("d"), 1);
        m.put("array-boolean", new boolean[] {true, false});
        m.put("array-byte", new Byte[] {(byte) 1});
        m.put("array-short", new short[] {1, -1});
        m.put("array-int", new int[] {1, 2, 3});
        m.put("array-long", new long[] {1L << 40});
        m.put("array-float", new float[] {2.5f});
        m.put("array-double", new double[] {1.5});
        m.put("array-char", new char[] {'x'});
        m.put("array-char-supplementary", new Char[] {Char.of(0x1F600)});
        m.put("array-ubyte", new UByte[] {UByte.of(1)});
        m.put("array-ushort", new UShort[] {UShort.of(2)});
        m.put("array-uint", new UInt[] {UInt.of(3)});
        m.put("array-ulong", new ULong[] {ULong.of(4)});
        m.put("array-decimal32", new Decimal32[] {Decimal32.of(BigDecimal.ONE)});
        m.put("array-decimal64", new Decimal64[] {Decimal64.of(BigDecimal.TEN)});
        m.put("array-decimal128", new Decimal128[] {Decimal128.of(new BigDecimal("0.1"))});
        m.put("array-timestamp", new Timestamp[] {Timestamp.of(5)});
        m.put("array-uuid", new UUID[] {new UUID(1, 2)});
        m.put("array-binary", new byte[][] {{1}, {}});
        m.put("array-string", new String[] {"a", "b"});
        m.put("array-symbol", new Symbol[] {Symbol.of("s")});
        m.put("array-null", new Object[] {null, null});
        m.put("array-described", new Object[] {d, d});
        m.put("array-array", new Object[] {new int[] {1}, new String[] {"x"}});
        m.put("array-list", new Object[] {List.of(1), List.of()});
        m.put("array-map", new Object[] {Map.of("k", 1)});
        m.put("array-empty", new Object[0]);
        m.put("list", new ArrayList<>(scalars().values()));
        m.put("list-empty", List.of());
        Map<Object, Object> map = new LinkedHashMap<>();
        scalars().forEach((k, v) -> map.put(k, v));
        map.put(7, List.of(List.of()));
        m.put("map", map);
        m.put("described-ulong", new Described(ULong.of(0x70), List.of(true)));
        m.put("described-symbol", new Described(Symbol.of("x:y"), Map.of("a", d)));
        return m;
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** Encodings of values, including the compact forms the encoder does not write. */
    static Map<String, byte[]> values() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        scalars().forEach((k, v) -> out.put(k, Values.encode(v)));
        compounds().forEach((k, v) -> out.put(k, Values.encode(v)));
        out.put("boolean-byte", bytes(0x56, 0x01));
        out.put("list8", bytes(0xc0, 0x04, 0x02, 0x54, 0x01, 0x40));
        out.put("map8", bytes(0xc1, 0x05, 0x02, 0xa3, 0x01, 'k', 0x41));
        out.put("array8", bytes(0xe0, 0x04, 0x02, 0x54, 0x01, 0x02));
        out.put("array8-described", bytes(0xe0, 0x07, 0x01, 0x00, 0xa3, 0x01, 'd', 0x42));
        out.put("array8-list0", bytes(0xe0, 0x02, 0x03, 0x45));
        out.put("str8-symbol8-vbin8", bytes(0xc0, 0x0a, 0x03, 0xa1, 0x01, 'a', 0xa3, 0x01, 'b', 0xa0, 0x01, 0x00));
        return out;
    }

    /** A message with every section and every header and properties field. */
    private static Message full(Object body) {
        Message m = new Message(body);
        m.durable(true).priority(7).ttl(Duration.ofMillis(1234)).firstAcquirer(true).deliveryCount(2);
        m.id(new UUID(1, 2)).user("bob").to("to").subject("subject").replyTo("reply").correlationId(ULong.of(9))
                .contentType("text/plain").contentEncoding("gzip").expiryTime(Timestamp.of(5)).creationTime(Timestamp.of(6))
                .groupId("g").groupSequence(4_000_000_000L).replyToGroupId("rg");
        m.properties().put("p", 1.5);
        m.properties().put("s", "x");
        m.messageAnnotations().put(Symbol.of("x-opt-m"), "m");
        m.messageAnnotations().put(ULong.of(1), 1);
        m.deliveryAnnotations().put(Symbol.of("x-opt-d"), 1L);
        m.footer().put(Symbol.of("x-opt-f"), true);
        return m;
    }

    static Map<String, byte[]> messages() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("empty", new byte[0]);
        out.put("null-body", new Message().encode());
        scalars().forEach((k, v) -> out.put("body-" + k, new Message(v).encode()));
        compounds().forEach((k, v) -> out.put("body-" + k, new Message(v).encode()));
        out.put("full-value", full(Arrays.asList(1, "two", Symbol.of("three"))).encode());
        out.put("full-data", full(new byte[] {1, 2, 3}).encode());
        out.put("full-sequence", full(new ArrayList<>(List.of(1, 2))).inferred(true).encode());
        out.put("full-map", full(compounds().get("map")).encode());
        out.put("two-data-sections", bytes(0x00, 0x53, 0x75, 0xa0, 1, 1, 0x00, 0x53, 0x75, 0xa0, 1, 2));
        out.put("two-sequence-sections", bytes(0x00, 0x53, 0x76, 0x45, 0x00, 0x53, 0x76, 0xc0, 2, 1, 0x40));
        byte[] symbolic = "amqp:amqp-value:*".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] section = new byte[3 + symbolic.length + 1];
        section[1] = (byte) 0xa3;
        section[2] = (byte) symbolic.length;
        System.arraycopy(symbolic, 0, section, 3, symbolic.length);
        section[section.length - 1] = 0x41;
        out.put("symbolic-section", section);
        out.put("header-list8", bytes(0x00, 0x53, 0x70, 0xc0, 0x07, 0x05, 0x41, 0x50, 0x09, 0x52, 0x10, 0x42, 0x43));
        out.put("ulong-descriptor-section", bytes(0x00, 0x80, 0, 0, 0, 0, 0, 0, 0, 0x77, 0x40));
        return out;
    }
}
