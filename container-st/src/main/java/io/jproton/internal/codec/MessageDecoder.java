package io.jproton.internal.codec;

import io.jproton.Message;
import io.jproton.ProtonException;
import io.jproton.Symbol;
import io.jproton.Timestamp;
import io.jproton.UByte;
import io.jproton.UInt;
import io.jproton.ULong;
import io.jproton.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the sections of an AMQP 1.0 message into a {@link Message}. Sections must come in the
 * order the specification gives (header, delivery-annotations, message-annotations, properties,
 * application-properties, body, footer), each at most once, the body as one amqp-value, or data
 * sections, or amqp-sequence sections. A message without a body section is accepted (its body is
 * null). Fields must have their specified types. Anything else is a {@link ProtonException} that
 * says what is wrong and where. Not thread-safe: one per decode.
 */
final class MessageDecoder {
    static final int HEADER = 0x70;
    static final int DELIVERY_ANNOTATIONS = 0x71;
    static final int MESSAGE_ANNOTATIONS = 0x72;
    static final int PROPERTIES = 0x73;
    static final int APPLICATION_PROPERTIES = 0x74;
    static final int DATA = 0x75;
    static final int AMQP_SEQUENCE = 0x76;
    static final int AMQP_VALUE = 0x77;
    static final int FOOTER = 0x78;

    private static final String[] NAMES = {"header", "delivery-annotations", "message-annotations", "properties",
        "application-properties", "data", "amqp-sequence", "amqp-value", "footer"};

    private final AmqpDecoder d;
    private final Message m = new Message();
    private int last = -1;
    private int sectionAt;
    private List<Object> sequence;
    private List<byte[]> data;

    private MessageDecoder(AmqpDecoder d) {
        this.d = d;
    }

    static Message decode(AmqpDecoder d) {
        return new MessageDecoder(d).sections();
    }

    private static String name(int section) {
        return NAMES[section - HEADER];
    }

    /** Sections in order; the body sections share one place in it. */
    private static int rank(int section) {
        return section <= APPLICATION_PROPERTIES ? section - HEADER : section == FOOTER ? 6 : 5;
    }

    private ProtonException malformed(String what) {
        return new ProtonException(what + " (section at offset " + sectionAt + ")");
    }

    private Message sections() {
        while (d.hasMore()) {
            sectionAt = d.offset();
            if (d.u8() != 0x00) {
                throw new ProtonException("expected a described message section at offset " + sectionAt);
            }
            long code = d.readDescriptorCode();
            int section = code >= 0 ? sectionCode(code) : sectionCode(d.symbolDescriptor);
            order(section);
            read(section);
            last = section;
        }
        if (data != null) {
            m.body(data.size() == 1 ? data.get(0) : concat(data));
        }
        return m;
    }

    private void order(int section) {
        if (last < 0) {
            return;
        }
        boolean repeatedBody = section == last && (section == DATA || section == AMQP_SEQUENCE);
        if (rank(section) < rank(last) || (rank(section) == rank(last) && !repeatedBody)) {
            throw malformed("a " + name(section) + " section cannot follow a " + name(last) + " section");
        }
    }

    private void read(int section) {
        switch (section) {
            case HEADER -> header(d.listOrNull("header"));
            case DELIVERY_ANNOTATIONS -> annotations(d.mapOrNull("delivery-annotations"), m.deliveryAnnotations());
            case MESSAGE_ANNOTATIONS -> annotations(d.mapOrNull("message-annotations"), m.messageAnnotations());
            case PROPERTIES -> properties(d.listOrNull("properties"));
            case APPLICATION_PROPERTIES -> applicationProperties(d.mapOrNull("application-properties"));
            case DATA -> {
                int code = d.u8();
                if (code != 0xa0 && code != 0xb0) {
                    throw malformed("a data section must hold binary, not type code 0x" + Integer.toHexString(code));
                }
                if (data == null) {
                    data = new ArrayList<>(1);
                }
                data.add((byte[]) d.readValue(code));
            }
            case AMQP_SEQUENCE -> {
                List<Object> l = d.listOrNull("amqp-sequence");
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
            default -> annotations(d.mapOrNull("footer"), m.footer());
        }
    }

    private int sectionCode(long code) {
        if (code >= HEADER && code <= FOOTER) {
            return (int) code;
        }
        throw new ProtonException("unknown message section 0x" + Long.toHexString(code) + " at offset " + sectionAt);
    }

    private int sectionCode(Symbol s) {
        for (int i = 0; i < NAMES.length; i++) {
            String suffix = i == 5 ? ":binary" : i == 7 ? ":*" : i == 0 || i == 3 || i == 6 ? ":list" : ":map";
            if (s.value().equals("amqp:" + NAMES[i] + suffix)) {
                return HEADER + i;
            }
        }
        throw new ProtonException("unknown message section " + s + " at offset " + sectionAt);
    }

    /** Joins data sections once, at the end (joining as they come would copy quadratically). */
    private static byte[] concat(List<byte[]> chunks) {
        int n = 0;
        for (byte[] c : chunks) {
            n += c.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, out, at, c.length);
            at += c.length;
        }
        return out;
    }

    /**
     * Annotation keys should be symbols or ulongs. A string key is taken as the symbol of that text
     * (the encoder sends a String key as a symbol), so it must have no character above U+00FF; other
     * keys are kept as they are.
     */
    private void annotations(Map<Object, Object> from, Map<Object, Object> to) {
        if (from == null) {
            return;
        }
        for (Map.Entry<Object, Object> e : from.entrySet()) {
            Object k = e.getKey();
            if (k instanceof String s) {
                if (!s.chars().allMatch(c -> c <= 0xff)) {
                    throw malformed("an annotation key must be a symbol or ulong, not the string \"" + s + "\"");
                }
                k = Symbol.of(s);
            }
            to.put(k, e.getValue());
        }
    }

    /** Application property keys are strings (a symbol key is taken as its text). */
    private void applicationProperties(Map<Object, Object> from) {
        if (from == null) {
            return;
        }
        for (Map.Entry<Object, Object> e : from.entrySet()) {
            Object k = e.getKey();
            if (!(k instanceof String) && !(k instanceof Symbol)) {
                throw malformed("an application-properties key must be a string, not " + Values.typeName(k));
            }
            m.properties().put(k.toString(), e.getValue());
        }
    }

    private static Object field(List<Object> f, int i) {
        return f != null && i < f.size() ? f.get(i) : null;
    }

    private <T> T field(List<Object> f, int i, Class<T> type, String section, String name) {
        Object v = field(f, i);
        if (v == null || type.isInstance(v)) {
            return type.cast(v);
        }
        throw malformed("the " + section + " field " + name + " must be a " + Values.typeName(type) + ", not "
                + Values.typeName(v));
    }

    private void header(List<Object> f) {
        Boolean durable = field(f, 0, Boolean.class, "header", "durable");
        UByte priority = field(f, 1, UByte.class, "header", "priority");
        UInt ttl = field(f, 2, UInt.class, "header", "ttl");
        Boolean first = field(f, 3, Boolean.class, "header", "first-acquirer");
        UInt count = field(f, 4, UInt.class, "header", "delivery-count");
        if (durable != null) m.durable(durable);
        if (priority != null) m.priority(priority.value());
        if (ttl != null) m.ttl(Duration.ofMillis(ttl.value()));
        if (first != null) m.firstAcquirer(first);
        if (count != null) m.deliveryCount(count.value());
    }

    /** A message-id or correlation-id: ulong, uuid, binary or string. */
    private Object messageId(List<Object> f, int i, String name) {
        Object v = field(f, i);
        if (v == null || v instanceof ULong || v instanceof UUID || v instanceof byte[] || v instanceof String) {
            return v;
        }
        throw malformed("the properties field " + name + " must be a ulong, uuid, binary or string, not " + Values.typeName(v));
    }

    private void properties(List<Object> f) {
        Object id = messageId(f, 0, "message-id");
        if (id != null) m.id(id);
        byte[] user = field(f, 1, byte[].class, "properties", "user-id");
        if (user != null) m.user(new String(user, java.nio.charset.StandardCharsets.UTF_8));
        String to = field(f, 2, String.class, "properties", "to");
        if (to != null) m.to(to);
        String subject = field(f, 3, String.class, "properties", "subject");
        if (subject != null) m.subject(subject);
        String replyTo = field(f, 4, String.class, "properties", "reply-to");
        if (replyTo != null) m.replyTo(replyTo);
        Object correlationId = messageId(f, 5, "correlation-id");
        if (correlationId != null) m.correlationId(correlationId);
        Symbol contentType = field(f, 6, Symbol.class, "properties", "content-type");
        if (contentType != null) m.contentType(contentType.value());
        Symbol contentEncoding = field(f, 7, Symbol.class, "properties", "content-encoding");
        if (contentEncoding != null) m.contentEncoding(contentEncoding.value());
        Timestamp expiry = field(f, 8, Timestamp.class, "properties", "absolute-expiry-time");
        if (expiry != null) m.expiryTime(expiry);
        Timestamp creation = field(f, 9, Timestamp.class, "properties", "creation-time");
        if (creation != null) m.creationTime(creation);
        String groupId = field(f, 10, String.class, "properties", "group-id");
        if (groupId != null) m.groupId(groupId);
        UInt groupSequence = field(f, 11, UInt.class, "properties", "group-sequence");
        if (groupSequence != null) m.groupSequence(groupSequence.value());
        String replyToGroupId = field(f, 12, String.class, "properties", "reply-to-group-id");
        if (replyToGroupId != null) m.replyToGroupId(replyToGroupId);
    }
}
