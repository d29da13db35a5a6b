package io.jproton;

import io.jproton.internal.codec.AnnotationMap;
import io.jproton.internal.codec.MessageCodec;
import io.jproton.internal.codec.ValueFormat;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An AMQP 1.0 message, as {@code proton::message}: header, properties, application properties,
 * annotations, footer and a body of any AMQP type.
 *
 * <p>Type mapping (bodies, property values, list and map elements, annotation values), as Proton
 * C++ maps AMQP types to C++ ones:
 * <table>
 *   <caption>AMQP type and Java type</caption>
 *   <tr><th>AMQP</th><th>Java</th></tr>
 *   <tr><td>null</td><td>{@code null}</td></tr>
 *   <tr><td>boolean</td><td>{@link Boolean}</td></tr>
 *   <tr><td>ubyte, ushort, uint, ulong</td><td>{@link UByte}, {@link UShort}, {@link UInt}, {@link ULong}</td></tr>
 *   <tr><td>byte, short, int, long</td><td>{@link Byte}, {@link Short}, {@link Integer}, {@link Long}</td></tr>
 *   <tr><td>float, double</td><td>{@link Float}, {@link Double}</td></tr>
 *   <tr><td>decimal32, decimal64, decimal128</td><td>{@link Decimal32}, {@link Decimal64}, {@link Decimal128}</td></tr>
 *   <tr><td>char</td><td>{@link Character} for U+0000 to U+FFFF, {@link Char} above (decoding); either
 *       when sending ({@code Char} for any code point, a surrogate {@code Character} is refused)</td></tr>
 *   <tr><td>timestamp</td><td>{@link Timestamp}</td></tr>
 *   <tr><td>uuid</td><td>{@link UUID}</td></tr>
 *   <tr><td>binary</td><td>{@code byte[]} (as a body: sent as a data section)</td></tr>
 *   <tr><td>string</td><td>{@link String}</td></tr>
 *   <tr><td>symbol</td><td>{@link Symbol} (ASCII; bytes above 0x7F are read as ISO-8859-1)</td></tr>
 *   <tr><td>list</td><td>{@link java.util.List}</td></tr>
 *   <tr><td>map</td><td>{@link java.util.Map} (decoded: a {@link LinkedHashMap} in wire order)</td></tr>
 *   <tr><td>described</td><td>{@link Described}</td></tr>
 *   <tr><td>array</td><td>a Java array other than {@code byte[]}, see below</td></tr>
 * </table>
 * Each keeps its AMQP type across the wire: an {@code Integer} comes back as an {@code Integer}.
 *
 * <p>Arrays. Decoding gives {@code boolean[]}, {@code short[]}, {@code int[]}, {@code long[]},
 * {@code float[]}, {@code double[]}, {@code char[]} (or {@code Char[]} if an element is above
 * U+FFFF), and for the other element types an array of the element class ({@code Byte[]},
 * {@code UInt[]}, {@code Decimal64[]}, {@code String[]}, {@code Symbol[]}, {@code byte[][]}, ...);
 * arrays of null, lists, maps, arrays and described values decode as {@code Object[]}. Sending, the
 * element type comes from the component type where it names one AMQP type ({@code int[]} is
 * array&lt;int&gt;, {@code String[]} array&lt;string&gt;, {@code List[]} array&lt;list&gt;; null
 * elements are refused); otherwise ({@code Object[]}, {@code Described[]}, {@code int[][]}) from
 * the elements, which must all be of one kind: all null, all of one type above, all arrays, all
 * lists, all maps, or all {@link Described} with equal descriptors and values of one kind. An empty
 * {@code Object[]} is sent as an empty array of null. Mixed elements are refused with
 * {@link IllegalArgumentException} when sending.
 *
 * <p>Annotations (delivery, message) and the footer: a {@link String} key is sent as the symbol of
 * its text, as C++ does; other keys (normally {@link Symbol} or {@link ULong}; a peer may send any
 * AMQP value) are sent as they are, and a string key received is read as a {@link Symbol} (one
 * with a character above U+00FF, which no symbol holds, makes the message malformed).
 * Application property keys are strings.
 *
 * <p>Limits on what a peer sends: see {@link #decode(byte[], int, int)}.
 *
 * <p>Thread-safety: not thread-safe; a mutable value. {@link Sender#send(Message)} encodes it at
 * once, so a message may be reused after sending.
 *
 * <p>Size: about 580 lines, one idea: C++'s {@code proton::message}, every header, property and
 * annotation field an accessor pair with its Javadoc; the codec is elsewhere ({@code internal.codec}).
 */
public final class Message {
    /** The priority a message has unless set otherwise (AMQP's default), as C++ {@code message::default_priority}. */
    public static final int DEFAULT_PRIORITY = 4;

    // header
    private boolean durable;
    private int priority = DEFAULT_PRIORITY;
    private Duration ttl = Duration.ZERO;
    private boolean firstAcquirer;
    private long deliveryCount;
    // properties
    private Object id;
    private byte[] userId;
    private String to;
    private String subject;
    private String replyTo;
    private Object correlationId;
    private String contentType;
    private String contentEncoding;
    private Timestamp expiryTime;
    private Timestamp creationTime;
    private String groupId;
    private long groupSequence;
    private String replyToGroupId;
    // sections
    private Map<String, Object> properties;
    private Map<Object, Object> messageAnnotations;
    private Map<Object, Object> deliveryAnnotations;
    private Map<Object, Object> footer;
    private Object body;
    private boolean inferred;

    /** An empty message. */
    public Message() {}

    /**
     * A message with a body. A {@link Message} given here (held as an {@code Object}) is copied as
     * by {@link #Message(Message)}: a message is never the body of another.
     *
     * @param body the body
     */
    public Message(Object body) {
        if (body instanceof Message other) {
            copyFrom(other);
        } else {
            this.body = body;
        }
    }

    /**
     * A copy of every section of another message, as C++'s copy constructor: header, properties,
     * annotations, application properties, body and footer. The maps are new maps; the values in
     * them and a body other than {@code byte[]} are shared (they are immutable or the
     * application's); a {@code byte[]} body and the user id are copied.
     *
     * @param other the message to copy
     */
    public Message(Message other) {
        copyFrom(other);
    }

    /** Clears every field back to the defaults. */
    public void clear() {
        Message empty = new Message();
        copyFrom(empty);
    }

    private void copyFrom(Message m) {
        durable = m.durable;
        priority = m.priority;
        ttl = m.ttl;
        firstAcquirer = m.firstAcquirer;
        deliveryCount = m.deliveryCount;
        id = m.id;
        userId = m.userId == null ? null : m.userId.clone();
        to = m.to;
        subject = m.subject;
        replyTo = m.replyTo;
        correlationId = m.correlationId;
        contentType = m.contentType;
        contentEncoding = m.contentEncoding;
        expiryTime = m.expiryTime;
        creationTime = m.creationTime;
        groupId = m.groupId;
        groupSequence = m.groupSequence;
        replyToGroupId = m.replyToGroupId;
        properties = m.properties == null ? null : new LinkedHashMap<>(m.properties);
        messageAnnotations = m.messageAnnotations == null ? null : new AnnotationMap(m.messageAnnotations);
        deliveryAnnotations = m.deliveryAnnotations == null ? null : new AnnotationMap(m.deliveryAnnotations);
        footer = m.footer == null ? null : new AnnotationMap(m.footer);
        body = m.body instanceof byte[] b ? b.clone() : m.body;
        inferred = m.inferred;
    }

    // ---- body

    /**
     * @return the body, null if none
     */
    public Object body() { return body; }

    /**
     * @param body the body, any AMQP value
     * @return this
     */
    public Message body(Object body) {
        this.body = body;
        return this;
    }

    /**
     * @return true if a binary or list body is sent as data / amqp-sequence sections
     */
    public boolean inferred() { return inferred; }

    /**
     * @param inferred send a {@code byte[]} body as data and a List body as amqp-sequence (C++ {@code inferred})
     * @return this
     */
    public Message inferred(boolean inferred) {
        this.inferred = inferred;
        return this;
    }

    // ---- header

    /**
     * @return whether the message is durable
     */
    public boolean durable() { return durable; }
    /**
     * @param durable durable
     * @return this
     */
    public Message durable(boolean durable) { this.durable = durable; return this; }

    /**
     * @return the priority, 0 to 255, default 4
     */
    public int priority() { return priority; }
    /**
     * @param priority 0 to 255
     * @return this
     */
    public Message priority(int priority) {
        if (priority < 0 || priority > 255) {
            throw new IllegalArgumentException("priority out of range 0..255: " + priority);
        }
        this.priority = priority;
        return this;
    }

    /**
     * @return the time to live, zero for none
     */
    public Duration ttl() { return ttl; }
    /**
     * @param ttl time to live, whole milliseconds are sent
     * @return this
     */
    public Message ttl(Duration ttl) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative: " + ttl);
        }
        this.ttl = ttl;
        return this;
    }

    /**
     * @return the first-acquirer flag
     */
    public boolean firstAcquirer() { return firstAcquirer; }
    /**
     * @param b first acquirer
     * @return this
     */
    public Message firstAcquirer(boolean b) { this.firstAcquirer = b; return this; }

    /**
     * @return the delivery count (earlier failed deliveries)
     */
    public long deliveryCount() { return deliveryCount; }
    /**
     * @param count the delivery count, 0 to 4294967295
     * @return this
     */
    public Message deliveryCount(long count) {
        if (count < 0 || count > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("delivery count out of range: " + count);
        }
        this.deliveryCount = count;
        return this;
    }

    // ---- properties

    /**
     * @return the message id: ULong, UUID, byte[] or String; null if none
     */
    public Object id() { return id; }
    /**
     * @param id a ULong, UUID, byte[] or String; a non-negative Integer or Long becomes a ULong, as in C++
     * @return this
     */
    public Message id(Object id) { this.id = messageId(id, "id"); return this; }

    /**
     * @return the user id as text, empty if none
     */
    public String user() { return userId == null ? "" : new String(userId, java.nio.charset.StandardCharsets.UTF_8); }
    /**
     * @param user the user id
     * @return this
     */
    public Message user(String user) {
        this.userId = user == null ? null : user.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return this;
    }
    /**
     * @return the raw user id bytes, or null
     */
    public byte[] userId() { return userId; }

    /**
     * @return the to address, empty if none
     */
    public String to() { return to == null ? "" : to; }
    /**
     * @param to the to address
     * @return this
     */
    public Message to(String to) { this.to = to; return this; }
    /**
     * @return the same as {@link #to()} (C++ {@code address()})
     */
    public String address() { return to(); }
    /**
     * @param address the same as {@link #to(String)}
     * @return this
     */
    public Message address(String address) { return to(address); }

    /**
     * @return the subject, empty if none
     */
    public String subject() { return subject == null ? "" : subject; }
    /**
     * @param subject the subject
     * @return this
     */
    public Message subject(String subject) { this.subject = subject; return this; }

    /**
     * @return the reply-to address, empty if none
     */
    public String replyTo() { return replyTo == null ? "" : replyTo; }
    /**
     * @param replyTo the reply-to address
     * @return this
     */
    public Message replyTo(String replyTo) { this.replyTo = replyTo; return this; }

    /**
     * @return the correlation id: ULong, UUID, byte[] or String; null if none
     */
    public Object correlationId() { return correlationId; }
    /**
     * @param id as {@link #id(Object)}
     * @return this
     */
    public Message correlationId(Object id) { this.correlationId = messageId(id, "correlation id"); return this; }

    /**
     * @return the content type, empty if none
     */
    public String contentType() { return contentType == null ? "" : contentType; }
    /**
     * @param type the content type
     * @return this
     */
    public Message contentType(String type) { this.contentType = type; return this; }

    /**
     * @return the content encoding, empty if none
     */
    public String contentEncoding() { return contentEncoding == null ? "" : contentEncoding; }
    /**
     * @param encoding the content encoding
     * @return this
     */
    public Message contentEncoding(String encoding) { this.contentEncoding = encoding; return this; }

    /**
     * @return the absolute expiry time, or null
     */
    public Timestamp expiryTime() { return expiryTime; }
    /**
     * @param t the expiry time
     * @return this
     */
    public Message expiryTime(Timestamp t) { this.expiryTime = t; return this; }

    /**
     * @return the creation time, or null
     */
    public Timestamp creationTime() { return creationTime; }
    /**
     * @param t the creation time
     * @return this
     */
    public Message creationTime(Timestamp t) { this.creationTime = t; return this; }

    /**
     * @return the group id, empty if none
     */
    public String groupId() { return groupId == null ? "" : groupId; }
    /**
     * @param id the group id
     * @return this
     */
    public Message groupId(String id) { this.groupId = id; return this; }

    /**
     * @return the group sequence
     */
    public long groupSequence() { return groupSequence; }
    /**
     * @param seq the group sequence (an AMQP sequence-no, 0 to 4294967295)
     * @return this
     */
    public Message groupSequence(long seq) {
        if (seq < 0 || seq > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("group sequence out of range: " + seq);
        }
        this.groupSequence = seq;
        return this;
    }

    /**
     * @return the reply-to group id, empty if none
     */
    public String replyToGroupId() { return replyToGroupId == null ? "" : replyToGroupId; }
    /**
     * @param id the reply-to group id
     * @return this
     */
    public Message replyToGroupId(String id) { this.replyToGroupId = id; return this; }

    // ---- maps

    /**
     * @return the application properties, mutable, created on first use
     */
    public Map<String, Object> properties() {
        if (properties == null) properties = new LinkedHashMap<>();
        return properties;
    }

    /**
     * The message annotations, as C++ {@code message::message_annotations()}. Keys are annotation
     * keys, {@link Symbol} or {@link ULong}; a {@link String} key is the symbol of that text both
     * ways, as C++ {@code annotation_key}: {@code put("x-opt-a", v)} stores under the symbol and
     * {@code get("x-opt-a")} finds it, on a message built here or one received.
     *
     * @return the message annotations, mutable, created on first use
     */
    public Map<Object, Object> messageAnnotations() {
        if (messageAnnotations == null) messageAnnotations = new AnnotationMap();
        return messageAnnotations;
    }

    /**
     * The delivery annotations, as C++ {@code message::delivery_annotations()}; keys as
     * {@link #messageAnnotations()}.
     *
     * @return the delivery annotations, mutable, created on first use
     */
    public Map<Object, Object> deliveryAnnotations() {
        if (deliveryAnnotations == null) deliveryAnnotations = new AnnotationMap();
        return deliveryAnnotations;
    }

    /**
     * The footer, as C++ {@code message::footer()}; keys as {@link #messageAnnotations()}.
     *
     * @return the footer, mutable, created on first use
     */
    public Map<Object, Object> footer() {
        if (footer == null) footer = new AnnotationMap();
        return footer;
    }

    /**
     * @return true if there are application properties
     */
    public boolean hasProperties() { return properties != null && !properties.isEmpty(); }
    /**
     * @return true if there are message annotations
     */
    public boolean hasMessageAnnotations() { return messageAnnotations != null && !messageAnnotations.isEmpty(); }
    /**
     * @return true if there are delivery annotations
     */
    public boolean hasDeliveryAnnotations() { return deliveryAnnotations != null && !deliveryAnnotations.isEmpty(); }
    /**
     * @return true if there is a footer
     */
    public boolean hasFooter() { return footer != null && !footer.isEmpty(); }

    // ---- codec

    /**
     * @return the message in AMQP 1.0 wire encoding
     */
    public byte[] encode() {
        return MessageCodec.encode(this);
    }

    /**
     * Encodes into a buffer of the caller's, as C++ {@code message::encode(std::vector<char>&)}:
     * the encoding is written at the buffer's position, which advances past it.
     *
     * @param into where to write
     * @return how many bytes were written
     * @throws java.nio.BufferOverflowException if the buffer has too little room (nothing is written then)
     */
    public int encode(java.nio.ByteBuffer into) {
        byte[] bytes = MessageCodec.encode(this);
        into.put(bytes);
        return bytes.length;
    }

    /**
     * @param bytes an AMQP 1.0 encoded message
     * @return the decoded message
     * @throws ProtonException if the bytes are not a valid message
     */
    public static Message decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /**
     * Decodes a message from untrusted bytes: anything malformed (truncated data, unknown type codes
     * or sections, sections out of order, fields of the wrong type, trailing bytes, sizes or counts
     * the bytes do not hold, values nested deeper than 64 levels, more than 16 compound elements per
     * input byte + 4096) is a {@link ProtonException} saying what and at which offset, and no more is
     * allocated than the bytes back.
     *
     * @param bytes a buffer
     * @param offset where the message starts
     * @param length its length
     * @return the decoded message
     * @throws ProtonException if the bytes are not a valid message
     * @throws IndexOutOfBoundsException if offset and length are not a range of bytes
     */
    public static Message decode(byte[] bytes, int offset, int length) {
        return MessageCodec.decode(bytes, offset, length);
    }

    private static Object messageId(Object id, String what) {
        if (id == null || id instanceof ULong || id instanceof UUID || id instanceof byte[] || id instanceof String) {
            return id;
        }
        if (id instanceof Integer || id instanceof Long || id instanceof Short || id instanceof Byte) {
            long v = ((Number) id).longValue();
            if (v < 0) {
                throw new IllegalArgumentException(what + " must not be negative: " + v);
            }
            return ULong.of(v);
        }
        if (id instanceof UInt u) return ULong.of(u.value());
        throw new IllegalArgumentException(what + " must be a ULong, UUID, byte[] or String, got " + id.getClass().getName());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Message m)) return false;
        return durable == m.durable && priority == m.priority && ttl.equals(m.ttl) && firstAcquirer == m.firstAcquirer
                && deliveryCount == m.deliveryCount && ValueFormat.valueEquals(id, m.id) && Arrays.equals(userId, m.userId)
                && to().equals(m.to()) && subject().equals(m.subject()) && replyTo().equals(m.replyTo())
                && ValueFormat.valueEquals(correlationId, m.correlationId) && contentType().equals(m.contentType())
                && contentEncoding().equals(m.contentEncoding()) && Objects.equals(expiryTime, m.expiryTime)
                && Objects.equals(creationTime, m.creationTime) && groupId().equals(m.groupId())
                && groupSequence == m.groupSequence && replyToGroupId().equals(m.replyToGroupId())
                && ValueFormat.valueEquals(nullIfEmpty(properties), nullIfEmpty(m.properties))
                && ValueFormat.valueEquals(nullIfEmpty(messageAnnotations), nullIfEmpty(m.messageAnnotations))
                && ValueFormat.valueEquals(nullIfEmpty(deliveryAnnotations), nullIfEmpty(m.deliveryAnnotations))
                && ValueFormat.valueEquals(nullIfEmpty(footer), nullIfEmpty(m.footer))
                && ValueFormat.valueEquals(body, m.body);
    }

    private static Map<?, ?> nullIfEmpty(Map<?, ?> m) {
        return m == null || m.isEmpty() ? null : m;
    }

    @Override
    public int hashCode() {
        return Objects.hash(to(), subject(), body == null ? null : body.getClass());
    }

    /** Formats like Proton C++'s {@code operator<<(message)}: the fields that are set, then the body. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("message{");
        if (id != null) sb.append("id=").append(ValueFormat.format(id)).append(", ");
        if (to != null) sb.append("address=\"").append(to).append("\", ");
        if (subject != null) sb.append("subject=\"").append(subject).append("\", ");
        if (replyTo != null) sb.append("reply_to=\"").append(replyTo).append("\", ");
        if (correlationId != null) sb.append("correlation_id=").append(ValueFormat.format(correlationId)).append(", ");
        if (hasProperties()) sb.append("properties=").append(ValueFormat.format(properties)).append(", ");
        sb.append("body=").append(ValueFormat.format(body)).append('}');
        return sb.toString();
    }
}
