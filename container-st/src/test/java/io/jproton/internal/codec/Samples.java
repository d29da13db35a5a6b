package io.jproton.internal.codec;

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
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Values of every AMQP type, messages with every section, and raw byte building, for the codec tests. */
final class Samples {
    private Samples() {}

    /** One value of every AMQP primitive type (and a few edge values). */
    static List<Object> scalars() {
        return Arrays.asList(null, true, false, (byte) -1, (short) -2, 3, -300, 4L, Long.MIN_VALUE, UByte.of(255),
                UShort.of(65535), UInt.of(0), UInt.of(7), UInt.of(4_000_000_000L), ULong.of(0), ULong.of(8), ULong.of(-1),
                9.5f, Float.NaN, 10.25, -0.0, 'c', '\u00e9', Char.of(0x1F600), Char.of(0x10FFFF), Timestamp.of(11),
                new UUID(1, 2), "s", "ünï \uD83D\uDE00", "", Symbol.of("y"), Symbol.of(""), new byte[] {1, 2}, new byte[0],
                Decimal32.of(new BigDecimal("1.5")), Decimal64.of(new BigDecimal("-123.456")),
                Decimal128.of(new BigDecimal("1E-6176")), Decimal32.fromBits(0x7c000000), new Decimal128(-1, -1));
    }

    /** One AMQP array of every element type, and arrays of arrays, lists, maps and described values. */
    static List<Object> arrays() {
        Described d1 = new Described(Symbol.of("d"), 1);
        Described d2 = new Described(Symbol.of("d"), 2);
        return Arrays.asList(new boolean[] {true, false}, new Byte[] {(byte) 1, (byte) -1}, new short[] {7, -7},
                new int[] {1, 2, 3}, new long[] {1L << 40}, new float[] {2.5f}, new double[] {1.5},
                new char[] {'x', '\u00e9'}, new Char[] {Char.of('a'), Char.of(0x1F600)}, new UByte[] {UByte.of(1)},
                new UShort[] {UShort.of(2)}, new UInt[] {UInt.of(4_000_000_000L)}, new ULong[] {ULong.of(-1)},
                new Decimal32[] {Decimal32.of(BigDecimal.ONE)}, new Decimal64[] {Decimal64.of(BigDecimal.TEN)},
                new Decimal128[] {Decimal128.of(new BigDecimal("0.1"))}, new Timestamp[] {Timestamp.of(9)},
                new UUID[] {new UUID(3, 4)}, new byte[][] {{1, 2}, {}}, new String[] {"a", "ünï"},
                new Symbol[] {Symbol.of("s")}, new Object[] {null, null}, new Object[] {d1, d2},
                new Object[] {new Described(ULong.of(7), List.of(1)), new Described(ULong.of(7), List.of())},
                new Object[] {new Described(Symbol.of("a"), new Described(Symbol.of("b"), "x"))},
                new Object[] {new int[] {1}, new String[] {"n"}, new Object[0]},
                new Object[] {List.of(1, "x"), new ArrayList<>()}, new Object[] {Map.of("k", 1), new LinkedHashMap<>()},
                new int[0], new Object[0]);
    }

    /** Lists, maps and described values holding every scalar and array. */
    static List<Object> compounds() {
        List<Object> all = new ArrayList<>(scalars());
        all.addAll(arrays());
        Map<Object, Object> byKey = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            byKey.put(all.get(i) == null ? "null" : all.get(i), i);
        }
        return Arrays.asList(all, byKey, new Described(ULong.of(0x70), all), new Described(Symbol.of("x:y"), byKey),
                List.of(List.of(List.of())), Map.of(Map.of(), List.of()));
    }

    /** A message with every section, every header and properties field, and values of every type. */
    static Message full(Object body) {
        Message m = new Message(body);
        m.durable(true).priority(7).ttl(java.time.Duration.ofMillis(1234)).firstAcquirer(true).deliveryCount(2);
        m.id(UUID.randomUUID()).user("bob").to("to").subject("subject ünï \uD83D\uDE00").replyTo("reply")
                .correlationId(new byte[] {9}).contentType("text/plain").contentEncoding("gzip")
                .expiryTime(Timestamp.of(5)).creationTime(Timestamp.of(6)).groupId("g").groupSequence(4_000_000_000L)
                .replyToGroupId("rg");
        int i = 0;
        for (Object v : scalars()) {
            m.properties().put("p" + i++, v);
        }
        m.properties().put("array", new int[] {1, 2});
        m.messageAnnotations().put(Symbol.of("x-opt-m"), compounds().get(0));
        m.messageAnnotations().put(ULong.of(9), "ulong key");
        m.messageAnnotations().put(42, "int key");
        m.deliveryAnnotations().put(Symbol.of("x-opt-d"), 1L);
        m.deliveryAnnotations().put(new byte[] {1}, "binary key");
        m.footer().put(Symbol.of("x-opt-f"), compounds().get(1));
        m.footer().put(UUID.nameUUIDFromBytes(new byte[1]), Decimal64.fromBits(1));
        return m;
    }

    /** @return the bytes of the given unsigned byte values */
    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] repeat(byte[] part, int times) {
        byte[][] parts = new byte[times][];
        Arrays.fill(parts, part);
        return concat(parts);
    }
}
