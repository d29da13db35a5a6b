package io.jproton.internal.codec;

import io.jproton.Message;
import io.jproton.ProtonException;
import io.jproton.Symbol;
import io.jproton.Timestamp;
import io.jproton.UByte;
import io.jproton.UInt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Encodes and decodes {@link Message} in AMQP 1.0 wire format, straight between the message and
 * bytes (no intermediate section objects).
 *
 * <p>Body mapping: a {@code byte[]} body is a data section; a List body with
 * {@link Message#inferred()} is an amqp-sequence section; any other body, null included, is an
 * amqp-value section. Decoding maps them back and sets {@code inferred} for amqp-sequence.
 *
 * <p>Stateless; thread-safe.
 */
public final class MessageCodec {
    private static final int HEADER = 0x70;
    private static final int DELIVERY_ANNOTATIONS = 0x71;
    private static final int MESSAGE_ANNOTATIONS = 0x72;
    private static final int PROPERTIES = 0x73;
    private static final int APPLICATION_PROPERTIES = 0x74;
    private static final int DATA = 0x75;
    private static final int AMQP_SEQUENCE = 0x76;
    private static final int AMQP_VALUE = 0x77;
    private static final int FOOTER = 0x78;

    private MessageCodec() {}

    /**
     * @param m the message
     * @return its encoding
     */
    public static byte[] encode(Message m) {
        GrowableBuffer buf = new GrowableBuffer(256);
        encode(m, buf);
        return java.util.Arrays.copyOf(buf.array(), buf.position());
    }

    /** @param value one AMQP value @return its encoding */
    public static byte[] encodeValue(Object value) {
        GrowableBuffer buf = new GrowableBuffer(64);
        AmqpEncoder.writeValue(buf, value);
        return java.util.Arrays.copyOf(buf.array(), buf.position());
    }

    /**
     * @param bytes the encoding of one AMQP value
     * @return the value
     * @throws ProtonException if the bytes are not exactly one valid value
     */
    public static Object decodeValue(byte[] bytes) {
        try {
            AmqpDecoder d = new AmqpDecoder(bytes, 0, bytes.length);
            Object v = d.readValue();
            if (d.hasMore()) {
                throw new ProtonException("extra bytes after the value");
            }
            return v;
        } catch (ProtonException e) {
            throw new ProtonException("cannot decode AMQP value: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ProtonException("cannot decode AMQP value: " + e, e);
        }
    }

    private static void section(GrowableBuffer b, int descriptor) {
        b.put((byte) 0x00);
        b.put((byte) 0x53);
        b.put((byte) descriptor);
    }

    /**
     * Encodes at the buffer's position.
     *
     * @param m the message
     * @param b where to write
     */
    public static void encode(Message m, GrowableBuffer b) {
        if (m.durable() || m.priority() != 4 || !m.ttl().isZero() || m.firstAcquirer() || m.deliveryCount() != 0) {
            section(b, HEADER);
            Object[] f = {m.durable() ? Boolean.TRUE : null, m.priority() != 4 ? UByte.of(m.priority()) : null,
                m.ttl().isZero() ? null : UInt.of(m.ttl().toMillis()), m.firstAcquirer() ? Boolean.TRUE : null,
                m.deliveryCount() != 0 ? UInt.of(m.deliveryCount()) : null};
            writeFields(b, f);
        }
        if (m.hasDeliveryAnnotations()) {
            section(b, DELIVERY_ANNOTATIONS);
            AmqpEncoder.writeSymbolKeyedMap(b, m.deliveryAnnotations());
        }
        if (m.hasMessageAnnotations()) {
            section(b, MESSAGE_ANNOTATIONS);
            AmqpEncoder.writeSymbolKeyedMap(b, m.messageAnnotations());
        }
        if (hasProperties(m)) {
            section(b, PROPERTIES);
            Object[] f = {m.id(), m.userId(), nullIfEmpty(m.to()), nullIfEmpty(m.subject()), nullIfEmpty(m.replyTo()),
                m.correlationId(), symbolOrNull(m.contentType()), symbolOrNull(m.contentEncoding()), m.expiryTime(),
                m.creationTime(), nullIfEmpty(m.groupId()), m.groupSequence() != 0 ? UInt.of(m.groupSequence()) : null,
                nullIfEmpty(m.replyToGroupId())};
            writeFields(b, f);
        }
        if (m.hasProperties()) {
            section(b, APPLICATION_PROPERTIES);
            AmqpEncoder.writeMap(b, m.properties());
        }
        Object body = m.body();
        if (body instanceof byte[] bytes) {
            section(b, DATA);
            AmqpEncoder.writeBinary(b, bytes);
        } else if (body instanceof List<?> l && m.inferred()) {
            section(b, AMQP_SEQUENCE);
            AmqpEncoder.writeList(b, l);
        } else {
            // a null body is still sent, as amqp-value(null), as Proton C++ does: a message always has a body
            section(b, AMQP_VALUE);
            AmqpEncoder.writeValue(b, body);
        }
        if (m.hasFooter()) {
            section(b, FOOTER);
            AmqpEncoder.writeSymbolKeyedMap(b, m.footer());
        }
    }

    private static boolean hasProperties(Message m) {
        return m.id() != null || m.userId() != null || !m.to().isEmpty() || !m.subject().isEmpty()
                || !m.replyTo().isEmpty() || m.correlationId() != null || !m.contentType().isEmpty()
                || !m.contentEncoding().isEmpty() || m.expiryTime() != null || m.creationTime() != null
                || !m.groupId().isEmpty() || m.groupSequence() != 0 || !m.replyToGroupId().isEmpty();
    }

    private static String nullIfEmpty(String s) {
        return s.isEmpty() ? null : s;
    }

    private static Symbol symbolOrNull(String s) {
        return s.isEmpty() ? null : Symbol.of(s);
    }

    /** Writes a composite's fields as a list, leaving out trailing nulls. */
    private static void writeFields(GrowableBuffer b, Object[] fields) {
        int n = fields.length;
        while (n > 0 && fields[n - 1] == null) {
            n--;
        }
        int at = AmqpEncoder.beginCompound(b, 0xd0);
        for (int i = 0; i < n; i++) {
            AmqpEncoder.writeValue(b, fields[i]);
        }
        AmqpEncoder.endCompound(b, at, n);
    }

    /**
     * @param bytes buffer
     * @param offset start
     * @param length length
     * @return the decoded message
     * @throws ProtonException if the bytes are not a valid AMQP message
     */
    public static Message decode(byte[] bytes, int offset, int length) {
        try {
            return decodeSections(new AmqpDecoder(bytes, offset, length));
        } catch (ProtonException e) {
            throw new ProtonException("cannot decode AMQP message: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ProtonException("cannot decode AMQP message: " + e, e);
        }
    }

    private static Message decodeSections(AmqpDecoder d) {
        Message m = new Message();
        List<Object> sequence = null;
        byte[] data = null;
        while (d.hasMore()) {
            if (d.u8() != 0x00) {
                throw new ProtonException("expected a described section");
            }
            long code = d.readDescriptorCode();
            int section = code >= 0 ? sectionCode(code) : sectionCode(d.symbolDescriptor);
            switch (section) {
                case HEADER -> header(m, d.listOrNull());
                case DELIVERY_ANNOTATIONS -> copy(d.mapOrNull(), m.deliveryAnnotations());
                case MESSAGE_ANNOTATIONS -> copy(d.mapOrNull(), m.messageAnnotations());
                case PROPERTIES -> properties(m, d.listOrNull());
                case APPLICATION_PROPERTIES -> {
                    Map<Object, Object> ap = d.mapOrNull();
                    if (ap != null) {
                        ap.forEach((k, v) -> m.properties().put(String.valueOf(k), v));
                    }
                }
                case DATA -> {
                    Object v = d.readValue();
                    if (!(v instanceof byte[] chunk)) {
                        throw new ProtonException("a data section must hold binary, not " + v);
                    }
                    data = data == null ? chunk : concat(data, chunk);
                    m.body(data);
                }
                case AMQP_SEQUENCE -> {
                    List<Object> l = d.listOrNull();
                    if (sequence == null) {
                        sequence = new ArrayList<>();
                    }
                    if (l != null) {
                        sequence.addAll(l);
                    }
                    m.body(sequence);
                    m.inferred(true);
                }
                case AMQP_VALUE -> m.body(d.readValue());
                case FOOTER -> copy(d.mapOrNull(), m.footer());
                default -> throw new ProtonException("unknown message section 0x" + Integer.toHexString(section));
            }
        }
        return m;
    }

    private static int sectionCode(long code) {
        if (code >= HEADER && code <= FOOTER) {
            return (int) code;
        }
        throw new ProtonException("unknown message section " + Long.toUnsignedString(code));
    }

    private static int sectionCode(Object descriptor) {
        if (descriptor instanceof Symbol s) {
            return switch (s.value()) {
                case "amqp:header:list" -> HEADER;
                case "amqp:delivery-annotations:map" -> DELIVERY_ANNOTATIONS;
                case "amqp:message-annotations:map" -> MESSAGE_ANNOTATIONS;
                case "amqp:properties:list" -> PROPERTIES;
                case "amqp:application-properties:map" -> APPLICATION_PROPERTIES;
                case "amqp:data:binary" -> DATA;
                case "amqp:amqp-sequence:list" -> AMQP_SEQUENCE;
                case "amqp:amqp-value:*" -> AMQP_VALUE;
                case "amqp:footer:map" -> FOOTER;
                default -> throw new ProtonException("unknown message section " + s);
            };
        }
        throw new ProtonException("unknown message section " + descriptor);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void copy(Map<Object, Object> from, Map<Object, Object> to) {
        if (from != null) {
            to.putAll(from);
        }
    }

    private static Object field(List<Object> f, int i) {
        return f != null && i < f.size() ? f.get(i) : null;
    }

    private static <T> T field(List<Object> f, int i, Class<T> type, String name) {
        Object v = field(f, i);
        if (v == null || type.isInstance(v)) {
            return type.cast(v);
        }
        throw new ProtonException("message field " + name + " has the wrong type: " + v.getClass().getSimpleName());
    }

    private static void header(Message m, List<Object> f) {
        Boolean durable = field(f, 0, Boolean.class, "durable");
        UByte priority = field(f, 1, UByte.class, "priority");
        UInt ttl = field(f, 2, UInt.class, "ttl");
        Boolean first = field(f, 3, Boolean.class, "first-acquirer");
        UInt count = field(f, 4, UInt.class, "delivery-count");
        if (durable != null) m.durable(durable);
        if (priority != null) m.priority(priority.value());
        if (ttl != null) m.ttl(Duration.ofMillis(ttl.value()));
        if (first != null) m.firstAcquirer(first);
        if (count != null) m.deliveryCount(count.value());
    }

    private static void properties(Message m, List<Object> f) {
        if (field(f, 0) != null) m.id(field(f, 0));
        byte[] user = field(f, 1, byte[].class, "user-id");
        if (user != null) m.user(new String(user, java.nio.charset.StandardCharsets.UTF_8));
        String to = field(f, 2, String.class, "to");
        if (to != null) m.to(to);
        String subject = field(f, 3, String.class, "subject");
        if (subject != null) m.subject(subject);
        String replyTo = field(f, 4, String.class, "reply-to");
        if (replyTo != null) m.replyTo(replyTo);
        if (field(f, 5) != null) m.correlationId(field(f, 5));
        Symbol contentType = field(f, 6, Symbol.class, "content-type");
        if (contentType != null) m.contentType(contentType.value());
        Symbol contentEncoding = field(f, 7, Symbol.class, "content-encoding");
        if (contentEncoding != null) m.contentEncoding(contentEncoding.value());
        Timestamp expiry = field(f, 8, Timestamp.class, "absolute-expiry-time");
        if (expiry != null) m.expiryTime(expiry);
        Timestamp creation = field(f, 9, Timestamp.class, "creation-time");
        if (creation != null) m.creationTime(creation);
        String groupId = field(f, 10, String.class, "group-id");
        if (groupId != null) m.groupId(groupId);
        UInt groupSequence = field(f, 11, UInt.class, "group-sequence");
        if (groupSequence != null) m.groupSequence(groupSequence.value());
        String replyToGroupId = field(f, 12, String.class, "reply-to-group-id");
        if (replyToGroupId != null) m.replyToGroupId(replyToGroupId);
    }
}
