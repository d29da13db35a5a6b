package io.jproton.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.apache.qpid.proton.amqp.transport.Attach;
import org.apache.qpid.proton.amqp.transport.Begin;
import org.apache.qpid.proton.amqp.transport.Close;
import org.apache.qpid.proton.amqp.transport.Flow;
import org.apache.qpid.proton.amqp.transport.Open;
import org.apache.qpid.proton.amqp.transport.Role;
import org.apache.qpid.proton.amqp.transport.Transfer;
import org.apache.qpid.proton.codec.AMQPDefinedTypes;
import org.apache.qpid.proton.codec.DecoderImpl;
import org.apache.qpid.proton.codec.EncoderImpl;

/**
 * Writes and reads raw AMQP frames for tests that play a peer byte by byte, including peers that
 * break the protocol: any performative on any channel, with any payload. Performatives are
 * proton-j's types, encoded by proton-j's codec (test code only; nothing here is jproton's API).
 * Not thread-safe.
 */
public final class AmqpFrames {
    /** The AMQP protocol header (no SASL). */
    public static final byte[] AMQP_HEADER = {'A', 'M', 'Q', 'P', 0, 1, 0, 0};
    /** The SASL protocol header. */
    public static final byte[] SASL_HEADER = {'A', 'M', 'Q', 'P', 3, 1, 0, 0};

    private final DecoderImpl decoder = new DecoderImpl();
    private final EncoderImpl encoder = new EncoderImpl(decoder);
    private final ByteArrayOutputStream pendingInput = new ByteArrayOutputStream();
    private ByteBuffer scratch = ByteBuffer.allocate(4096);

    /** A frame read back: its channel, type (0 AMQP, 1 SASL), decoded body (null for an empty frame) and payload. */
    public record Frame(int channel, int type, Object body, byte[] payload) {
        @Override
        public String toString() {
            return "[" + channel + "] " + body + (payload.length > 0 ? " +" + payload.length + " bytes" : "");
        }
    }

    public AmqpFrames() {
        AMQPDefinedTypes.registerAllTypes(decoder, encoder);
    }

    /** @return an AMQP frame (type 0) carrying the performative and payload on the channel */
    public byte[] frame(int channel, Object performative, byte[] payload) {
        return frame(0, channel, performative, payload);
    }

    /** @return a SASL frame (type 1) */
    public byte[] saslFrame(Object body) {
        return frame(1, 0, body, null);
    }

    /** @return an empty frame (a heartbeat) */
    public static byte[] emptyFrame() {
        return new byte[] {0, 0, 0, 8, 2, 0, 0, 0};
    }

    private byte[] frame(int type, int channel, Object body, byte[] payload) {
        int need = 4096 + (payload == null ? 0 : payload.length);
        if (scratch.capacity() < need) {
            scratch = ByteBuffer.allocate(need);
        }
        ByteBuffer buf = scratch;
        buf.clear();
        buf.position(8);
        if (body != null) {
            encoder.setByteBuffer(buf);
            encoder.writeObject(body);
        }
        if (payload != null) {
            buf.put(payload);
        }
        int size = buf.position();
        buf.putInt(0, size);
        buf.put(4, (byte) 2);
        buf.put(5, (byte) type);
        buf.putShort(6, (short) channel);
        byte[] out = new byte[size];
        buf.flip();
        buf.get(out);
        return out;
    }

    /** Concatenates byte arrays. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    /**
     * Takes bytes the other side wrote and returns the whole frames among them (protocol headers
     * are skipped); a partial frame waits for the next call.
     */
    public List<Frame> read(byte[] bytes) {
        pendingInput.write(bytes, 0, bytes.length);
        byte[] all = pendingInput.toByteArray();
        List<Frame> frames = new ArrayList<>();
        int pos = 0;
        while (true) {
            if (all.length - pos >= 8 && all[pos] == 'A' && all[pos + 1] == 'M' && all[pos + 2] == 'Q' && all[pos + 3] == 'P') {
                pos += 8;
                continue;
            }
            if (all.length - pos < 8) {
                break;
            }
            int size = ByteBuffer.wrap(all, pos, 4).getInt();
            if (size < 8 || all.length - pos < size) {
                break;
            }
            int doff = (all[pos + 4] & 0xff) * 4;
            int type = all[pos + 5] & 0xff;
            int channel = ((all[pos + 6] & 0xff) << 8) | (all[pos + 7] & 0xff);
            Object body = null;
            byte[] payload = new byte[0];
            if (size > doff) {
                ByteBuffer b = ByteBuffer.wrap(all, pos + doff, size - doff);
                decoder.setByteBuffer(b);
                body = decoder.readObject();
                decoder.setByteBuffer(null);
                payload = new byte[b.remaining()];
                b.get(payload);
            }
            frames.add(new Frame(channel, type, body, payload));
            pos += size;
        }
        pendingInput.reset();
        pendingInput.write(all, pos, all.length - pos);
        return frames;
    }

    // ---- performatives, briefly

    public static Open open(String containerId) {
        Open o = new Open();
        o.setContainerId(containerId);
        return o;
    }

    public static Begin begin(Integer remoteChannel) {
        Begin b = new Begin();
        if (remoteChannel != null) {
            b.setRemoteChannel(org.apache.qpid.proton.amqp.UnsignedShort.valueOf(remoteChannel.shortValue()));
        }
        b.setNextOutgoingId(UnsignedInteger.ZERO);
        b.setIncomingWindow(UnsignedInteger.valueOf(2048));
        b.setOutgoingWindow(UnsignedInteger.valueOf(2048));
        return b;
    }

    /** An attach from a peer that sends ({@code peerSends}) or receives on a link to or from {@code address}. */
    public static Attach attach(String name, long handle, boolean peerSends, String address) {
        Attach a = new Attach();
        a.setName(name);
        a.setHandle(UnsignedInteger.valueOf(handle));
        a.setRole(peerSends ? Role.SENDER : Role.RECEIVER);
        org.apache.qpid.proton.amqp.messaging.Source s = new org.apache.qpid.proton.amqp.messaging.Source();
        org.apache.qpid.proton.amqp.messaging.Target t = new org.apache.qpid.proton.amqp.messaging.Target();
        if (peerSends) {
            t.setAddress(address);
        } else {
            s.setAddress(address);
        }
        a.setSource(s);
        a.setTarget(t);
        if (peerSends) {
            a.setInitialDeliveryCount(UnsignedInteger.ZERO);
        }
        return a;
    }

    public static Transfer transfer(long handle, Long deliveryId, boolean more, boolean settled) {
        Transfer t = new Transfer();
        t.setHandle(UnsignedInteger.valueOf(handle));
        if (deliveryId != null) {
            t.setDeliveryId(UnsignedInteger.valueOf(deliveryId));
            t.setDeliveryTag(new Binary(Long.toString(deliveryId).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            t.setMessageFormat(UnsignedInteger.ZERO);
        }
        t.setMore(more);
        t.setSettled(settled);
        return t;
    }

    /** A flow granting {@code credit} on a link (the peer receives on it). */
    public static Flow flow(long handle, long deliveryCount, long credit) {
        Flow f = new Flow();
        f.setNextIncomingId(UnsignedInteger.ZERO);
        f.setIncomingWindow(UnsignedInteger.valueOf(Integer.MAX_VALUE));
        f.setNextOutgoingId(UnsignedInteger.ZERO);
        f.setOutgoingWindow(UnsignedInteger.valueOf(Integer.MAX_VALUE));
        f.setHandle(UnsignedInteger.valueOf(handle));
        f.setDeliveryCount(UnsignedInteger.valueOf(deliveryCount));
        f.setLinkCredit(UnsignedInteger.valueOf(credit));
        return f;
    }

    public static Close close() {
        return new Close();
    }
}
