package io.jproton.internal.codec;

import io.jproton.Message;
import io.jproton.ProtonException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.UnsignedByte;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.apache.qpid.proton.amqp.messaging.AmqpSequence;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.DeliveryAnnotations;
import org.apache.qpid.proton.amqp.messaging.Footer;
import org.apache.qpid.proton.amqp.messaging.Header;
import org.apache.qpid.proton.amqp.messaging.MessageAnnotations;
import org.apache.qpid.proton.amqp.messaging.Properties;
import org.apache.qpid.proton.amqp.messaging.Section;
import org.apache.qpid.proton.message.impl.MessageImpl;

/**
 * Encodes and decodes {@link Message} in AMQP 1.0 wire format, through proton-j's codec.
 *
 * <p>Body mapping: a {@code byte[]} body is a data section; a List body with
 * {@link Message#inferred()} is an amqp-sequence section; any other body is an amqp-value
 * section. Decoding maps them back and sets {@code inferred} for amqp-sequence.
 *
 * <p>Stateless; thread-safe (proton-j keeps its codec state per thread).
 */
public final class MessageCodec {
    private MessageCodec() {}

    /** @param m the message @return its encoding */
    public static byte[] encode(Message m) {
        GrowableBuffer buf = new GrowableBuffer(256);
        encode(m, buf);
        return java.util.Arrays.copyOf(buf.array(), buf.position());
    }

    /** Encodes at the buffer's position. @param m the message @param out where to write */
    public static void encode(Message m, GrowableBuffer out) {
        toEngine(m).encode(out);
    }

    /**
     * @param bytes buffer @param offset start @param length length
     * @return the decoded message
     * @throws ProtonException if the bytes are not a valid AMQP message
     */
    public static Message decode(byte[] bytes, int offset, int length) {
        MessageImpl pm = new MessageImpl();
        try {
            pm.decode(bytes, offset, length);
        } catch (RuntimeException e) {
            throw new ProtonException("cannot decode AMQP message: " + e.getMessage(), e);
        }
        return fromEngine(pm);
    }

    static MessageImpl toEngine(Message m) {
        MessageImpl pm = new MessageImpl();
        if (m.durable() || m.priority() != 4 || !m.ttl().isZero() || m.firstAcquirer() || m.deliveryCount() != 0) {
            Header h = new Header();
            if (m.durable()) h.setDurable(true);
            if (m.priority() != 4) h.setPriority(UnsignedByte.valueOf((byte) m.priority()));
            if (!m.ttl().isZero()) h.setTtl(UnsignedInteger.valueOf(m.ttl().toMillis()));
            if (m.firstAcquirer()) h.setFirstAcquirer(true);
            if (m.deliveryCount() != 0) h.setDeliveryCount(UnsignedInteger.valueOf(m.deliveryCount()));
            pm.setHeader(h);
        }
        Properties p = new Properties();
        boolean anyProps = false;
        if (m.id() != null) { p.setMessageId(AmqpTypes.toEngine(m.id())); anyProps = true; }
        if (m.userId() != null) { p.setUserId(new Binary(m.userId())); anyProps = true; }
        if (!m.to().isEmpty()) { p.setTo(m.to()); anyProps = true; }
        if (!m.subject().isEmpty()) { p.setSubject(m.subject()); anyProps = true; }
        if (!m.replyTo().isEmpty()) { p.setReplyTo(m.replyTo()); anyProps = true; }
        if (m.correlationId() != null) { p.setCorrelationId(AmqpTypes.toEngine(m.correlationId())); anyProps = true; }
        if (!m.contentType().isEmpty()) { p.setContentType(Symbol.valueOf(m.contentType())); anyProps = true; }
        if (!m.contentEncoding().isEmpty()) { p.setContentEncoding(Symbol.valueOf(m.contentEncoding())); anyProps = true; }
        if (m.expiryTime() != null) { p.setAbsoluteExpiryTime(new Date(m.expiryTime().millis())); anyProps = true; }
        if (m.creationTime() != null) { p.setCreationTime(new Date(m.creationTime().millis())); anyProps = true; }
        if (!m.groupId().isEmpty()) { p.setGroupId(m.groupId()); anyProps = true; }
        if (m.groupSequence() != 0) { p.setGroupSequence(UnsignedInteger.valueOf(m.groupSequence())); anyProps = true; }
        if (!m.replyToGroupId().isEmpty()) { p.setReplyToGroupId(m.replyToGroupId()); anyProps = true; }
        if (anyProps) pm.setProperties(p);
        if (m.hasDeliveryAnnotations()) pm.setDeliveryAnnotations(new DeliveryAnnotations(annotations(m.deliveryAnnotations())));
        if (m.hasMessageAnnotations()) pm.setMessageAnnotations(new MessageAnnotations(annotations(m.messageAnnotations())));
        if (m.hasProperties()) {
            Map<String, Object> ap = new LinkedHashMap<>();
            m.properties().forEach((k, v) -> ap.put(k, AmqpTypes.toEngine(v)));
            pm.setApplicationProperties(new ApplicationProperties(ap));
        }
        Object body = m.body();
        Section section;
        if (body instanceof byte[] b) {
            section = new Data(new Binary(b));
        } else if (body instanceof List<?> l && m.inferred()) {
            @SuppressWarnings("unchecked")
            List<Object> converted = (List<Object>) AmqpTypes.toEngine(l);
            section = new AmqpSequence(converted);
        } else {
            // a null body is still sent, as amqp-value(null), as Proton C++ does: a message always has a body
            section = new AmqpValue(AmqpTypes.toEngine(body));
        }
        pm.setBody(section);
        if (m.hasFooter()) pm.setFooter(new Footer(annotations(m.footer())));
        return pm;
    }

    private static Map<Symbol, Object> annotations(Map<Object, Object> in) {
        Map<Symbol, Object> out = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> e : in.entrySet()) {
            Object k = e.getKey();
            if (!(k instanceof io.jproton.Symbol) && !(k instanceof String)) {
                throw new IllegalArgumentException("annotation keys must be Symbol or String, got " + k);
            }
            out.put(Symbol.valueOf(k.toString()), AmqpTypes.toEngine(e.getValue()));
        }
        return out;
    }

    static Message fromEngine(MessageImpl pm) {
        Message m = new Message();
        Header h = pm.getHeader();
        if (h != null) {
            if (h.getDurable() != null) m.durable(h.getDurable());
            if (h.getPriority() != null) m.priority(h.getPriority().intValue());
            if (h.getTtl() != null) m.ttl(java.time.Duration.ofMillis(h.getTtl().longValue()));
            if (h.getFirstAcquirer() != null) m.firstAcquirer(h.getFirstAcquirer());
            if (h.getDeliveryCount() != null) m.deliveryCount(h.getDeliveryCount().longValue());
        }
        Properties p = pm.getProperties();
        if (p != null) {
            if (p.getMessageId() != null) m.id(AmqpTypes.fromEngine(p.getMessageId()));
            if (p.getUserId() != null) m.user(new String((byte[]) AmqpTypes.fromEngine(p.getUserId()), java.nio.charset.StandardCharsets.UTF_8));
            if (p.getTo() != null) m.to(p.getTo());
            if (p.getSubject() != null) m.subject(p.getSubject());
            if (p.getReplyTo() != null) m.replyTo(p.getReplyTo());
            if (p.getCorrelationId() != null) m.correlationId(AmqpTypes.fromEngine(p.getCorrelationId()));
            if (p.getContentType() != null) m.contentType(p.getContentType().toString());
            if (p.getContentEncoding() != null) m.contentEncoding(p.getContentEncoding().toString());
            if (p.getAbsoluteExpiryTime() != null) m.expiryTime(io.jproton.Timestamp.of(p.getAbsoluteExpiryTime().getTime()));
            if (p.getCreationTime() != null) m.creationTime(io.jproton.Timestamp.of(p.getCreationTime().getTime()));
            if (p.getGroupId() != null) m.groupId(p.getGroupId());
            if (p.getGroupSequence() != null) m.groupSequence(p.getGroupSequence().longValue());
            if (p.getReplyToGroupId() != null) m.replyToGroupId(p.getReplyToGroupId());
        }
        if (pm.getDeliveryAnnotations() != null) copyAnnotations(pm.getDeliveryAnnotations().getValue(), m.deliveryAnnotations());
        if (pm.getMessageAnnotations() != null) copyAnnotations(pm.getMessageAnnotations().getValue(), m.messageAnnotations());
        if (pm.getApplicationProperties() != null && pm.getApplicationProperties().getValue() != null) {
            pm.getApplicationProperties().getValue().forEach((k, v) -> m.properties().put(String.valueOf(k), AmqpTypes.fromEngine(v)));
        }
        Section body = pm.getBody();
        if (body instanceof Data d) {
            m.body(AmqpTypes.fromEngine(d.getValue()));
        } else if (body instanceof AmqpValue v) {
            m.body(AmqpTypes.fromEngine(v.getValue()));
        } else if (body instanceof AmqpSequence s) {
            m.body(AmqpTypes.fromEngine(s.getValue()));
            m.inferred(true);
        }
        if (pm.getFooter() != null) copyAnnotations(pm.getFooter().getValue(), m.footer());
        return m;
    }

    private static void copyAnnotations(Map<?, ?> in, Map<Object, Object> out) {
        if (in != null) {
            in.forEach((k, v) -> out.put(AmqpTypes.fromEngine(k), AmqpTypes.fromEngine(v)));
        }
    }
}
