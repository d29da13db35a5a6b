package io.jproton.internal.engine;

import io.jproton.DeliveryMode;
import io.jproton.LinkOptions;
import io.jproton.MessagingHandler;
import io.jproton.Session;
import io.jproton.Source;
import io.jproton.Target;
import io.jproton.internal.codec.AmqpTypes;
import java.util.Map;
import org.apache.qpid.proton.amqp.transport.ReceiverSettleMode;
import org.apache.qpid.proton.amqp.transport.SenderSettleMode;
import org.apache.qpid.proton.engine.EndpointState;

/** The common part of {@link SenderImpl} and {@link ReceiverImpl}. Confined to its connection's context. */
abstract class LinkImpl extends EndpointImpl implements io.jproton.Link {
    final SessionImpl session;
    org.apache.qpid.proton.engine.Link engine;
    /** True between the peer's drain request and our answer (sender) or between drain() and credit 0 (receiver). */
    boolean draining;
    /** Closed at both ends and given back to the engine: nothing more goes on the wire for it. */
    boolean freed;

    LinkImpl(SessionImpl session, org.apache.qpid.proton.engine.Link engine) {
        super(session.driver);
        this.session = session;
        this.engine = engine;
        engine.setContext(this);
        session.links.add(this);
    }

    /** Opens this link again, with the same name and settings, on a new engine session (reconnect). */
    void reopenOn(org.apache.qpid.proton.engine.Session session) {
        org.apache.qpid.proton.engine.Link old = engine;
        org.apache.qpid.proton.engine.Link fresh = old instanceof org.apache.qpid.proton.engine.Sender
                ? session.sender(old.getName()) : session.receiver(old.getName());
        fresh.setSource(old.getSource());
        fresh.setTarget(old.getTarget());
        fresh.setSenderSettleMode(old.getSenderSettleMode());
        fresh.setReceiverSettleMode(old.getReceiverSettleMode());
        fresh.setProperties(old.getProperties());
        fresh.setOfferedCapabilities(old.getOfferedCapabilities());
        fresh.setDesiredCapabilities(old.getDesiredCapabilities());
        fresh.setMaxMessageSize(old.getMaxMessageSize());
        int credit = old.getCredit();
        draining = false;
        rebind(fresh);
        fresh.setContext(this);
        fresh.open();
        restoreCredit(credit);
    }

    /**
     * Once the link is closed (or detached) at both ends, gives the engine link back (proton-j keeps
     * every link until it is freed, so a peer attaching and detaching links in a loop would
     * otherwise grow the connection without bound) and forgets it. The public object stays usable:
     * its getters answer as before, and what would act on the wire does nothing.
     */
    void freeIfDone() {
        if (!freed && engine.getLocalState() == EndpointState.CLOSED && engine.getRemoteState() == EndpointState.CLOSED) {
            freed = true;
            session.links.remove(this);
            engine.free();
        }
    }

    /** Points this link and its typed view at a new engine link. */
    abstract void rebind(org.apache.qpid.proton.engine.Link fresh);

    /** After a reconnect: grants again the credit the old link had, where the application manages credit. */
    void restoreCredit(int credit) {
    }

    @Override
    org.apache.qpid.proton.engine.Endpoint engine() {
        return engine;
    }

    @Override
    MessagingHandler handler() {
        return handler != null ? guard(handler) : session.handler();
    }

    /** Applies the options common to senders and receivers before the attach goes out. */
    void applyCommon(LinkOptions<?> o) {
        if (o.handler() != null) {
            handler = o.handler();
        }
        DeliveryMode mode = o.deliveryMode();
        if (mode == DeliveryMode.AT_MOST_ONCE) {
            engine.setSenderSettleMode(SenderSettleMode.SETTLED);
        } else if (mode == DeliveryMode.AT_LEAST_ONCE) {
            engine.setSenderSettleMode(SenderSettleMode.UNSETTLED);
            engine.setReceiverSettleMode(ReceiverSettleMode.FIRST);
        }
        if (o.properties() != null) {
            engine.setProperties(AmqpTypes.symbolKeyed(o.properties()));
        }
        if (o.offeredCapabilities() != null) {
            engine.setOfferedCapabilities(AmqpTypes.symbols(o.offeredCapabilities()));
        }
        if (o.desiredCapabilities() != null) {
            engine.setDesiredCapabilities(AmqpTypes.symbols(o.desiredCapabilities()));
        }
    }

    @Override
    public String name() {
        check("name");
        return engine.getName();
    }

    @Override
    public int credit() {
        check("credit");
        return engine.getCredit();
    }

    @Override
    public boolean draining() {
        check("draining");
        return draining;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Source source() {
        check("source");
        return Termini.fromEngine(engine.getRemoteState() == EndpointState.UNINITIALIZED
                ? engine.getSource() : engine.getRemoteSource());
    }

    @Override
    public Target target() {
        check("target");
        return Termini.fromEngine(engine.getRemoteState() == EndpointState.UNINITIALIZED
                ? engine.getTarget() : engine.getRemoteTarget());
    }

    @Override
    public Map<String, Object> properties() {
        check("properties");
        return AmqpTypes.stringKeyed(engine.getRemoteProperties());
    }

    @Override
    public java.util.List<String> offeredCapabilities() {
        check("offeredCapabilities");
        return AmqpTypes.names(engine.getRemoteOfferedCapabilities());
    }

    @Override
    public java.util.List<String> desiredCapabilities() {
        check("desiredCapabilities");
        return AmqpTypes.names(engine.getRemoteDesiredCapabilities());
    }

    @Override
    public void detach() {
        check("detach");
        if (engine.getLocalState() != EndpointState.CLOSED) {
            engine.detach();
            touched();
        }
    }
}
