package io.jproton.internal.engine;

import io.jproton.Sender;
import io.jproton.Tracker;

/** {@link Tracker} over a proton-j delivery that we sent. Confined to its connection's context. */
final class TrackerImpl extends TransferImpl implements Tracker {
    TrackerImpl(org.apache.qpid.proton.engine.Delivery engine, SenderImpl sender) {
        super(engine, sender);
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
