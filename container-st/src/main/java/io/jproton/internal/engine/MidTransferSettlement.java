package io.jproton.internal.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.apache.qpid.proton.amqp.transport.DeliveryState;
import org.apache.qpid.proton.amqp.transport.Disposition;
import org.apache.qpid.proton.amqp.transport.Role;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.impl.FrameHandler;
import org.apache.qpid.proton.framing.TransportFrame;

/**
 * Keeps a link flowing when the peer settles a delivery that we are still sending.
 *
 * <p>proton-j 0.35 stops sending a delivery as soon as the peer settles it, part way through its
 * transfer frames, and never sends its last frame; as it also keeps the delivery marked as the
 * link's transfer in progress, nothing after it is ever sent: the link stalls. (Proton C++ sends
 * the rest of the delivery and goes on.) So, as Proton C++ does, the peer's settlement of a
 * delivery still being sent is held back here, outcome and all, until the delivery's last frame
 * has gone out; then proton-j sees it as the peer sent it (so the application hears of the outcome
 * and the settlement once, as from Proton C++).
 *
 * <p>Only deliveries that may span frames are tracked ({@link #sending}); with none in flight
 * (the usual case) every check is one list-emptiness test. proton-j keeps the delivery-id and the
 * session's channel to itself: {@link ProtonJInternals} reads them.
 *
 * <p>Confined to the connection's context.
 */
final class MidTransferSettlement {
    /** Our outgoing deliveries that may span several frames and may not have been written out yet. */
    private final List<Delivery> sending = new ArrayList<>(0);
    /** Settlements held back until their delivery's last frame is out. */
    private final List<Held> held = new ArrayList<>(0);

    private record Held(int channel, UnsignedInteger id, Delivery delivery, DeliveryState state) { }

    /**
     * @param d a delivery just sent
     * @param bytes its size
     * @param peerMaxFrame the largest frame the peer takes
     */
    void sent(Delivery d, int bytes, int peerMaxFrame) {
        if (ProtonJInternals.available() && bytes > peerMaxFrame - 64) {
            sending.add(d);
        }
    }

    /**
     * Hands a disposition frame to proton-j, holding back the settlement of any delivery in it
     * that is still being sent.
     *
     * @param engine proton-j's frame handler
     * @param frame a disposition frame from the peer
     * @param d its body
     * @return what proton-j's handler returned
     */
    boolean handle(FrameHandler engine, TransportFrame frame, Disposition d) {
        if (sending.isEmpty() || !d.getSettled() || d.getRole() != Role.RECEIVER) {
            return engine.handleFrame(frame);
        }
        long first = d.getFirst().longValue();
        long last = d.getLast() == null ? first : d.getLast().longValue();
        List<Held> now = new ArrayList<>(0);
        for (Delivery s : sending) {
            UnsignedInteger id = unfinishedId(s, frame.getChannel());
            if (id != null && inRange(id.longValue(), first, last)) {
                now.add(new Held(frame.getChannel(), id, s, d.getState()));
            }
        }
        if (now.isEmpty()) {
            return engine.handleFrame(frame);
        }
        // the settled ranges around the held deliveries go as they are
        boolean result = false;
        long from = first;
        now.sort((a, b) -> Long.compare((a.id.longValue() - first) & 0xffffffffL, (b.id.longValue() - first) & 0xffffffffL));
        for (Held h : now) {
            long id = h.id.longValue();
            if (id != from) {
                result |= engine.handleFrame(new TransportFrame(frame.getChannel(), range(d, from, (id - 1) & 0xffffffffL), null));
            }
            held.add(h);
            from = (id + 1) & 0xffffffffL;
        }
        if (inRange(from, first, last) && from != ((last + 1) & 0xffffffffL)) {
            result |= engine.handleFrame(new TransportFrame(frame.getChannel(), range(d, from, last), null));
        }
        return result;
    }

    /**
     * After output was written: forgets deliveries now written out, and hands proton-j the held
     * settlements of those among them.
     *
     * @param engine proton-j's frame handler
     */
    void afterOutput(FrameHandler engine) {
        if (sending.isEmpty()) {
            return;
        }
        sending.removeIf(s -> s.isSettled() || s.pending() == 0 && !s.isBuffered());
        for (Iterator<Held> it = held.iterator(); it.hasNext(); ) {
            Held h = it.next();
            if (!sending.contains(h.delivery) && engine.isHandlingFrames()) {
                it.remove();
                Disposition settle = new Disposition();
                settle.setRole(Role.RECEIVER);
                settle.setFirst(h.id);
                settle.setSettled(true);
                settle.setState(h.state);
                engine.handleFrame(new TransportFrame(h.channel, settle, null));
            }
        }
    }

    private static Disposition range(Disposition d, long first, long last) {
        Disposition out = new Disposition();
        out.setRole(d.getRole());
        out.setFirst(UnsignedInteger.valueOf(first));
        if (last != first) {
            out.setLast(UnsignedInteger.valueOf(last));
        }
        out.setSettled(true);
        out.setState(d.getState());
        out.setBatchable(d.getBatchable());
        return out;
    }

    private static boolean inRange(long id, long first, long last) {
        return ((id - first) & 0xffffffffL) <= ((last - first) & 0xffffffffL);
    }

    /** @return the delivery-id of a delivery whose frames are still going out on the session of that channel, or null */
    private static UnsignedInteger unfinishedId(Delivery s, int channel) {
        return s.isSettled() || s.pending() == 0 ? null : ProtonJInternals.deliveryId(s, channel);
    }
}
