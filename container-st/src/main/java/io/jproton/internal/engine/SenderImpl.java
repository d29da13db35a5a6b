package io.jproton.internal.engine;

import io.jproton.Message;
import io.jproton.SenderOptions;
import io.jproton.Tracker;
import io.jproton.internal.codec.GrowableBuffer;
import io.jproton.internal.codec.MessageCodec;

/** {@link io.jproton.Sender} over a proton-j sender. Confined to its connection's context. */
final class SenderImpl extends LinkImpl implements io.jproton.Sender {
    org.apache.qpid.proton.engine.Sender engine;
    boolean autoSettle = true;

    private SenderImpl(SessionImpl session, org.apache.qpid.proton.engine.Sender engine) {
        super(session, engine);
        this.engine = engine;
    }

    static SenderImpl of(SessionImpl session, org.apache.qpid.proton.engine.Sender s) {
        Object c = s.getContext();
        return c instanceof SenderImpl si ? si : new SenderImpl(session, s);
    }

    static SenderImpl create(SessionImpl session, String address, SenderOptions options) {
        SenderOptions o = session.driver.container().senderOptions().update(options);
        String name = o.name() != null ? o.name() : session.driver.container().nextLinkName();
        SenderImpl s = new SenderImpl(session, session.engine.sender(name));
        s.engine.setTarget(Termini.target(address, o.target()));
        s.engine.setSource(Termini.source(null, o.source()));
        s.apply(o);
        s.engine.open();
        return s;
    }

    @Override
    void rebind(org.apache.qpid.proton.engine.Link fresh) {
        engine = (org.apache.qpid.proton.engine.Sender) fresh;
        super.engine = fresh;
    }

    void apply(SenderOptions o) {
        applyCommon(o);
        if (o.autoSettle() != null) {
            autoSettle = o.autoSettle();
        }
    }

    @Override
    public void open() {
        open(null);
    }

    /** Opens a sender the peer initiated: the local termini mirror the peer's unless the options say otherwise. */
    @Override
    public void open(SenderOptions options) {
        check("open");
        if (!locallyUninitialised()) {
            return;
        }
        SenderOptions o = driver.container().senderOptions().update(options);
        org.apache.qpid.proton.amqp.messaging.Source src = Termini.copy(engine.getRemoteSource());
        if (o.source() != null) {
            src = Termini.source(src.getAddress(), o.source());
        }
        engine.setSource(src);
        engine.setTarget(o.target() != null ? Termini.target(null, o.target()) : Termini.copy(engine.getRemoteTarget()));
        apply(o);
        engine.open();
        touched();
    }

    @Override
    public Tracker send(Message message) {
        check("send");
        boolean presettled = engine.getSenderSettleMode() == org.apache.qpid.proton.amqp.transport.SenderSettleMode.SETTLED;
        return send(message, presettled ? DeliveryTags.PRESETTLED : driver.tags().next(), false);
    }

    @Override
    public Tracker send(Message message, byte[] tag) {
        check("send");
        if (tag.length == 0 || tag.length > 32) {
            throw new IllegalArgumentException("a delivery tag has 1 to 32 bytes, got " + tag.length);
        }
        return send(message, tag, true);
    }

    private Tracker send(Message message, byte[] tag, boolean copy) {
        GrowableBuffer buf = driver.encodeBuffer();
        buf.clear();
        MessageCodec.encode(message, buf);
        org.apache.qpid.proton.engine.Delivery d = engine.delivery(copy ? tag.clone() : tag);
        engine.send(buf.array(), 0, buf.position());
        engine.advance();
        driver.sent(d, buf.position());
        if (driver.metrics != null) {
            driver.metrics.sent(this, engine.getCredit());
        }
        TrackerImpl t = new TrackerImpl(d, this, !copy);
        if (engine.getSenderSettleMode() == org.apache.qpid.proton.amqp.transport.SenderSettleMode.SETTLED) {
            d.settle();
        }
        touched();
        return t;
    }

    /**
     * The credit this sender may use: the peer's credit, capped by the room left under the
     * connection's max unsettled (so a peer that grants credit but never settles cannot make
     * this end hold deliveries without bound).
     */
    @Override
    public int credit() {
        check("credit");
        return usableCredit();
    }

    int usableCredit() {
        return Math.max(0, Math.min(engine.getCredit(), driver.maxUnsettled - engine.getUnsettled()));
    }

    /** @return true while the peer's credit is held back only by max unsettled */
    boolean blockedByUnsettled() {
        return engine.getCredit() > 0 && usableCredit() == 0;
    }

    /** Calls {@code onSendable} if this sender can send: after room opened under max unsettled. */
    void sendableAgain() {
        if (usableCredit() > 0 && engine.getLocalState() == org.apache.qpid.proton.engine.EndpointState.ACTIVE
                && engine.getRemoteState() == org.apache.qpid.proton.engine.EndpointState.ACTIVE) {
            handler().onSendable(this);
        }
    }

    @Override
    public void returnCredit() {
        check("returnCredit");
        engine.drained();
        draining = false;
        touched();
    }

    @Override
    public String toString() {
        return "sender(" + engine.getName() + ")";
    }
}
