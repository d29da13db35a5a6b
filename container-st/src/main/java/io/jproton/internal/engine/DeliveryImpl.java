package io.jproton.internal.engine;

import io.jproton.Delivery;
import io.jproton.Receiver;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.Modified;
import org.apache.qpid.proton.amqp.messaging.Rejected;
import org.apache.qpid.proton.amqp.messaging.Released;
import org.apache.qpid.proton.amqp.transport.DeliveryState;

/** {@link Delivery} over a proton-j delivery that we received. Confined to its connection's context. */
final class DeliveryImpl extends TransferImpl implements Delivery {
    DeliveryImpl(org.apache.qpid.proton.engine.Delivery engine, ReceiverImpl receiver) {
        super(engine, receiver);
    }

    @Override
    public Receiver receiver() {
        return (Receiver) link;
    }

    private void settleWith(String what, DeliveryState state) {
        link.check(what);
        if (!engine.isSettled()) {
            if (!engine.remotelySettled()) {
                engine.disposition(state); // a delivery the sender pre-settled takes no outcome back
            }
            engine.settle();
            settledLocally(); // room under max unsettled may have opened
            link.touched();
        }
    }

    @Override
    public void accept() {
        settleWith("accept", Accepted.getInstance());
    }

    @Override
    public void reject() {
        settleWith("reject", new Rejected());
    }

    @Override
    void settledLocally() {
        ((ReceiverImpl) link).topUpCredit();
    }

    /**
     * Rejects with a condition (C++ has no such call; used when a message cannot be decoded).
     *
     * @param error why
     */
    void reject(io.jproton.ErrorCondition error) {
        Rejected r = new Rejected();
        r.setError(Conditions.toEngine(error));
        settleWith("reject", r);
    }

    @Override
    public void release() {
        settleWith("release", Released.getInstance());
    }

    @Override
    public void modify() {
        Modified m = new Modified();
        m.setDeliveryFailed(true);
        settleWith("modify", m);
    }

    @Override
    public State localState() {
        link.check("localState");
        return state(engine.getLocalState());
    }

    @Override
    public String toString() {
        return "delivery(" + link + ")";
    }
}
