package io.jproton.internal.codec;

import io.jproton.Message;
import io.jproton.ProtonException;
import io.jproton.Symbol;
import io.jproton.UByte;
import io.jproton.UInt;
import java.util.List;

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
                throw d.malformed((bytes.length - d.offset()) + " bytes after the value");
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
            section(b, MessageDecoder.HEADER);
            Object[] f = {m.durable() ? Boolean.TRUE : null, m.priority() != 4 ? UByte.of(m.priority()) : null,
                m.ttl().isZero() ? null : UInt.of(m.ttl().toMillis()), m.firstAcquirer() ? Boolean.TRUE : null,
                m.deliveryCount() != 0 ? UInt.of(m.deliveryCount()) : null};
            writeFields(b, f);
        }
        if (m.hasDeliveryAnnotations()) {
            section(b, MessageDecoder.DELIVERY_ANNOTATIONS);
            AmqpEncoder.writeAnnotations(b, m.deliveryAnnotations());
        }
        if (m.hasMessageAnnotations()) {
            section(b, MessageDecoder.MESSAGE_ANNOTATIONS);
            AmqpEncoder.writeAnnotations(b, m.messageAnnotations());
        }
        if (hasProperties(m)) {
            section(b, MessageDecoder.PROPERTIES);
            Object[] f = {m.id(), m.userId(), nullIfEmpty(m.to()), nullIfEmpty(m.subject()), nullIfEmpty(m.replyTo()),
                m.correlationId(), symbolOrNull(m.contentType()), symbolOrNull(m.contentEncoding()), m.expiryTime(),
                m.creationTime(), nullIfEmpty(m.groupId()), m.groupSequence() != 0 ? UInt.of(m.groupSequence()) : null,
                nullIfEmpty(m.replyToGroupId())};
            writeFields(b, f);
        }
        if (m.hasProperties()) {
            section(b, MessageDecoder.APPLICATION_PROPERTIES);
            AmqpEncoder.writeMap(b, m.properties());
        }
        Object body = m.body();
        if (body instanceof byte[] bytes) {
            section(b, MessageDecoder.DATA);
            AmqpEncoder.writeBinary(b, bytes);
        } else if (body instanceof List<?> l && m.inferred()) {
            section(b, MessageDecoder.AMQP_SEQUENCE);
            AmqpEncoder.writeList(b, l);
        } else {
            // a null body is still sent, as amqp-value(null), as Proton C++ does: a message always has a body
            section(b, MessageDecoder.AMQP_VALUE);
            AmqpEncoder.writeValue(b, body);
        }
        if (m.hasFooter()) {
            section(b, MessageDecoder.FOOTER);
            AmqpEncoder.writeAnnotations(b, m.footer());
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
     * @throws ProtonException if the bytes are not a valid AMQP message (see {@link MessageDecoder}
     *     and {@link AmqpDecoder} for what is checked)
     * @throws IndexOutOfBoundsException if offset and length are not a range of bytes
     */
    public static Message decode(byte[] bytes, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        try {
            return MessageDecoder.decode(new AmqpDecoder(bytes, offset, length));
        } catch (ProtonException e) {
            throw new ProtonException("cannot decode AMQP message: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ProtonException("cannot decode AMQP message: " + e, e);
        }
    }
}
