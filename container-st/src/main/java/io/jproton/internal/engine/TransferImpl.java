package io.jproton.internal.engine;

import io.jproton.Connection;
import io.jproton.Container;
import io.jproton.Session;
import io.jproton.Transfer;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.Modified;
import org.apache.qpid.proton.amqp.messaging.Rejected;
import org.apache.qpid.proton.amqp.messaging.Released;
import org.apache.qpid.proton.amqp.transport.DeliveryState;

/** The common part of {@link DeliveryImpl} and {@link TrackerImpl}. Confined to its connection's context. */
abstract class TransferImpl implements Transfer {
    final org.apache.qpid.proton.engine.Delivery engine;
    final LinkImpl link;

    TransferImpl(org.apache.qpid.proton.engine.Delivery engine, LinkImpl link) {
        this.engine = engine;
        this.link = link;
        engine.setContext(this);
    }

    static State state(DeliveryState s) {
        if (s == null) return State.NONE;
        if (s instanceof Accepted) return State.ACCEPTED;
        if (s instanceof Rejected) return State.REJECTED;
        if (s instanceof Released) return State.RELEASED;
        if (s instanceof Modified) return State.MODIFIED;
        return State.RECEIVED;
    }

    @Override
    public State state() {
        link.check("state");
        return state(engine.getRemoteState());
    }

    @Override
    public boolean settled() {
        link.check("settled");
        return engine.remotelySettled();
    }

    @Override
    public boolean locallySettled() {
        link.check("locallySettled");
        return engine.isSettled();
    }

    @Override
    public io.jproton.WorkQueue workQueue() {
        return link.workQueue();
    }

    /** @return a copy of the delivery tag */
    public byte[] tag() {
        link.check("tag");
        return engine.getTag().clone();
    }

    @Override
    public void settle() {
        link.check("settle");
        if (!engine.isSettled()) {
            engine.settle();
            settledLocally();
            link.touched();
        }
    }

    /** After a local settle: a receiver may grant credit again (room under max unsettled). */
    void settledLocally() {
    }

    @Override
    public Connection connection() {
        return link.connection();
    }

    @Override
    public Session session() {
        return link.session;
    }

    @Override
    public Container container() {
        return link.container();
    }
}
