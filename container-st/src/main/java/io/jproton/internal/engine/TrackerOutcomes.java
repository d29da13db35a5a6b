package io.jproton.internal.engine;

import io.jproton.ErrorCondition;
import io.jproton.Tracker;
import org.apache.qpid.proton.amqp.messaging.Modified;
import org.apache.qpid.proton.amqp.messaging.Rejected;
import org.apache.qpid.proton.amqp.transport.DeliveryState;

/**
 * The details of the outcome a peer gave a sent message, beyond {@link Tracker#state()}: the error
 * of a rejection and the flags of a modification. For internal users (container-mt's thread-safe
 * sender) that hand outcomes to application threads; the public API has no accessor for them, as
 * Proton C++ has none. Stateless; each method is confined, as the tracker is, to its connection's
 * context.
 */
public final class TrackerOutcomes {
    private TrackerOutcomes() {}

    private static DeliveryState remote(Tracker t) {
        TrackerImpl ti = (TrackerImpl) t;
        ti.link.check("state");
        return ti.engine.getRemoteState();
    }

    /**
     * @param t a tracker of this connection
     * @return the error the peer rejected the message with, or null (not rejected, or no error given)
     */
    public static ErrorCondition rejectCondition(Tracker t) {
        return remote(t) instanceof Rejected r ? Conditions.fromEngine(r.getError()) : null;
    }

    /**
     * @param t a tracker of this connection
     * @return true if the peer modified the delivery with {@code delivery-failed} set
     */
    public static boolean deliveryFailed(Tracker t) {
        return remote(t) instanceof Modified m && Boolean.TRUE.equals(m.getDeliveryFailed());
    }

    /**
     * @param t a tracker of this connection
     * @return true if the peer modified the delivery with {@code undeliverable-here} set
     */
    public static boolean undeliverableHere(Tracker t) {
        return remote(t) instanceof Modified m && Boolean.TRUE.equals(m.getUndeliverableHere());
    }
}
