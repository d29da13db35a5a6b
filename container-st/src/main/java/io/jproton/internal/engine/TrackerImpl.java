package io.jproton.internal.engine;

import io.jproton.Sender;
import io.jproton.Tracker;

/** {@link Tracker} over a proton-j delivery that we sent. Confined to its connection's context. */
final class TrackerImpl extends TransferImpl implements Tracker {
    /** The delivery's tag is one of the connection's {@link DeliveryTags}, to give back once settled. */
    private final boolean pooledTag;

    TrackerImpl(org.apache.qpid.proton.engine.Delivery engine, SenderImpl sender, boolean pooledTag) {
        super(engine, sender);
        this.pooledTag = pooledTag;
    }

    /**
     * Gives the delivery's tag back for use again if it is the connection's, the delivery is settled
     * at both ends (AMQP wants a tag unique among the deliveries either end holds unsettled; the
     * peer's settlement also says it had the transfer) and no frame of it is left to write. A
     * delivery settled here first keeps its tag for good.
     */
    void giveBackTag() {
        if (pooledTag && engine.isSettled() && engine.remotelySettled() && engine.pending() == 0) {
            link.driver.tags().giveBack(engine.getTag());
        }
    }

    @Override
    public Sender sender() {
        return (Sender) link;
    }


    /** The sender settles before the receiver: tell the receiver (proton-j alone would not). */
    @Override
    public void settle() {
        link.check("settle");
        if (!engine.isSettled()) {
            boolean tell = !engine.remotelySettled() && engine.getLocalState() == null;
            engine.settle();
            if (tell) {
                ProtonJInternals.writeSenderSettlement(engine, link.driver.engineTransport());
            }
            settledLocally();
            giveBackTag();
            link.touched();
        }
    }

    /** A settle that brings the sender back under max unsettled makes it sendable again. */
    @Override
    void settledLocally() {
        SenderImpl s = (SenderImpl) link;
        if (s.engine.getUnsettled() == s.driver.maxUnsettled - 1 && s.engine.getCredit() > 0) {
            s.driver.host().addWork(s::sendableAgain);
        }
    }

    @Override
    public String toString() {
        return "tracker(" + link + ")";
    }
}
