package io.jproton.internal.engine;

import java.lang.reflect.Method;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.slf4j.Logger;

/**
 * The few members of proton-j's engine that jproton reads by reflection, where proton-j 0.35 (the
 * pinned version) keeps state to itself that the driver needs: whether a session's end or a
 * link's detach has gone out (to free them, see {@link LinkImpl#freeIfDone()}), and a sent
 * delivery's id and its session's channel (see {@link MidTransferSettlement}). Where a member is
 * missing (another proton-j) it logs once at debug and answers so that callers keep proton-j's
 * own behaviour. Stateless; thread-safe.
 */
final class ProtonJInternals {
    private static final Logger LOG = io.jproton.internal.engine.Loggers.ENGINE;
    private static final Method TRANSPORT_DELIVERY;
    private static final Method TRANSPORT_SESSION;
    private static final Method TRANSPORT_LINK;
    private static final Method REMOTE_CHANNEL;
    private static final Method END_SENT;
    private static final Method DETACH_SENT;
    private static final Method DELIVERY_ID;
    private static final Method ATTACH_SENT;
    private static final Method LOCAL_CHANNEL;
    private static final Method WRITE_FRAME;
    private static final Method DELIVERY_SETTLED;
    private static final java.lang.reflect.Field MAX_FRAME_SIZE;
    private static final java.lang.reflect.Field OPEN_SENT;

    static {
        Method[] m = new Method[8];
        try {
            String impl = "org.apache.qpid.proton.engine.impl.";
            m[0] = Class.forName(impl + "DeliveryImpl").getDeclaredMethod("getTransportDelivery");
            m[1] = Class.forName(impl + "SessionImpl").getDeclaredMethod("getTransportSession");
            m[2] = Class.forName(impl + "LinkImpl").getDeclaredMethod("getTransportLink");
            m[3] = Class.forName(impl + "TransportSession").getDeclaredMethod("getRemoteChannel");
            m[4] = Class.forName(impl + "TransportSession").getDeclaredMethod("endSent");
            m[5] = Class.forName(impl + "TransportLink").getDeclaredMethod("detachSent");
            m[6] = Class.forName(impl + "TransportDelivery").getDeclaredMethod("getDeliveryId");
            m[7] = Class.forName(impl + "TransportLink").getDeclaredMethod("attachSent");
            for (Method x : m) {
                x.setAccessible(true);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("this proton-j lacks members jproton reads ({}): closed links and sessions are kept, and a delivery"
                    + " the peer settles while it is still being sent may stall its link", e.toString());
            m = new Method[8];
        }
        TRANSPORT_DELIVERY = m[0];
        TRANSPORT_SESSION = m[1];
        TRANSPORT_LINK = m[2];
        REMOTE_CHANNEL = m[3];
        END_SENT = m[4];
        DETACH_SENT = m[5];
        DELIVERY_ID = m[6];
        ATTACH_SENT = m[7];
        java.lang.reflect.Field max = null;
        java.lang.reflect.Field openSent = null;
        try {
            Class<?> transport = Class.forName("org.apache.qpid.proton.engine.impl.TransportImpl");
            max = transport.getDeclaredField("_maxFrameSize");
            openSent = transport.getDeclaredField("_isOpenSent");
            max.setAccessible(true);
            openSent.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("this proton-j lacks the transport's frame size fields ({}): a max frame size given late is ignored", e.toString());
            max = null;
            openSent = null;
        }
        MAX_FRAME_SIZE = max;
        OPEN_SENT = openSent;
        Method[] w = new Method[3];
        try {
            String impl = "org.apache.qpid.proton.engine.impl.";
            w[0] = Class.forName(impl + "TransportSession").getDeclaredMethod("getLocalChannel");
            w[1] = Class.forName(impl + "TransportImpl").getDeclaredMethod("writeFrame", int.class,
                    org.apache.qpid.proton.amqp.transport.FrameBody.class, org.apache.qpid.proton.codec.ReadableBuffer.class,
                    Runnable.class);
            w[2] = Class.forName(impl + "TransportDelivery").getDeclaredMethod("settled");
            for (Method x : w) {
                x.setAccessible(true);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("this proton-j lacks the frame writer jproton uses ({}): a sender's settlement before the"
                    + " receiver's does not reach the receiver", e.toString());
            w = new Method[3];
        }
        LOCAL_CHANNEL = w[0];
        WRITE_FRAME = w[1];
        DELIVERY_SETTLED = w[2];
    }

    private ProtonJInternals() {}

    /** @return true if the members were found */
    static boolean available() {
        return DELIVERY_ID != null;
    }

    /** @return true once the session's end frame has been written; false if unknown */
    static boolean endSent(org.apache.qpid.proton.engine.Session s) {
        try {
            Object ts = available() ? TRANSPORT_SESSION.invoke(s) : null;
            return ts != null && (Boolean) END_SENT.invoke(ts);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * @return true once a locally closed link will put nothing more on the wire: its detach has
     *         been written, or it was closed before its attach was (proton-j then writes neither);
     *         false if unknown
     */
    static boolean detachDone(org.apache.qpid.proton.engine.Link l) {
        try {
            Object tl = available() ? TRANSPORT_LINK.invoke(l) : null;
            return tl != null && ((Boolean) DETACH_SENT.invoke(tl) || !(Boolean) ATTACH_SENT.invoke(tl));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Lowers the max frame size the transport advertises in its open frame, once its frame buffers
     * exist (proton-j refuses {@code setMaxFrameSize} then): possible while the open frame has not
     * gone out, and only downwards (the buffers keep their size, so frames up to the old size are
     * still taken).
     *
     * @return true if the open frame will carry the size
     */
    static boolean lowerAdvertisedMaxFrameSize(org.apache.qpid.proton.engine.Transport t, int size) {
        try {
            if (MAX_FRAME_SIZE == null || !MAX_FRAME_SIZE.getDeclaringClass().isInstance(t)
                    || (Boolean) OPEN_SENT.get(t) || size > MAX_FRAME_SIZE.getInt(t)) {
                return false;
            }
            MAX_FRAME_SIZE.setInt(t, size);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Tells the receiver that the sender has settled a delivery whose frames have all gone out:
     * proton-j 0.35 sends a sender's disposition only with a delivery state, so a bare
     * {@code settle()} never reached the receiver (and the delivery stayed in the session's
     * unsettled map). Writes {@code disposition(role=sender, settled, no state)}, as Proton C does.
     *
     * @param d a sent delivery, settled locally just now and not by the peer
     * @param t its transport
     * @return true if the disposition was written
     */
    static boolean writeSenderSettlement(org.apache.qpid.proton.engine.Delivery d, org.apache.qpid.proton.engine.Transport t) {
        try {
            if (WRITE_FRAME == null || !available() || d.getLocalState() != null || d.pending() > 0) {
                return false;
            }
            Object td = TRANSPORT_DELIVERY.invoke(d);
            Object ts = TRANSPORT_SESSION.invoke(d.getLink().getSession());
            if (td == null || ts == null) {
                return false; // not sent yet: it goes out settled
            }
            org.apache.qpid.proton.amqp.transport.Disposition settle = new org.apache.qpid.proton.amqp.transport.Disposition();
            settle.setRole(org.apache.qpid.proton.amqp.transport.Role.SENDER);
            settle.setFirst((UnsignedInteger) DELIVERY_ID.invoke(td));
            settle.setSettled(true);
            WRITE_FRAME.invoke(t, LOCAL_CHANNEL.invoke(ts), settle, null, null);
            DELIVERY_SETTLED.invoke(td);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("could not tell the receiver of a settlement", e);
            return false;
        }
    }

    /**
     * @return the delivery-id of a sent delivery whose first frame has gone out on the session of
     *         that remote channel, or null (not sent yet, another session, or unknown)
     */
    static UnsignedInteger deliveryId(org.apache.qpid.proton.engine.Delivery d, int channel) {
        try {
            if (!available()) {
                return null;
            }
            Object td = TRANSPORT_DELIVERY.invoke(d);
            Object ts = TRANSPORT_SESSION.invoke(d.getLink().getSession());
            if (td == null || ts == null || (Integer) REMOTE_CHANNEL.invoke(ts) != channel) {
                return null;
            }
            return (UnsignedInteger) DELIVERY_ID.invoke(td);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
