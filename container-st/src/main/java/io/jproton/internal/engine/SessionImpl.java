package io.jproton.internal.engine;

import io.jproton.MessagingHandler;
import io.jproton.Receiver;
import io.jproton.ReceiverOptions;
import io.jproton.Sender;
import io.jproton.SenderOptions;
import io.jproton.Session;
import io.jproton.SessionOptions;
import java.util.ArrayList;
import java.util.List;

/** {@link Session} over a proton-j session. Confined to its connection's context. */
final class SessionImpl extends EndpointImpl implements Session {
    org.apache.qpid.proton.engine.Session engine;
    final List<LinkImpl> links = new ArrayList<>();

    private SessionImpl(ConnectionDriver driver, org.apache.qpid.proton.engine.Session engine) {
        super(driver);
        this.engine = engine;
        engine.setContext(this);
        driver.connectionImpl().sessions.add(this);
    }

    static SessionImpl of(ConnectionDriver driver, org.apache.qpid.proton.engine.Session s) {
        Object c = s.getContext();
        return c instanceof SessionImpl si ? si : new SessionImpl(driver, s);
    }

    static SessionImpl create(ConnectionDriver driver, SessionOptions options) {
        SessionImpl s = new SessionImpl(driver, driver.engineConnection().session());
        if (options != null) {
            s.apply(options);
        }
        return s;
    }

    /** Opens this session again on a new engine connection (reconnect), with the links that were open. */
    void reopenOn(org.apache.qpid.proton.engine.Connection fresh) {
        org.apache.qpid.proton.engine.Session old = engine;
        engine = fresh.session();
        engine.setIncomingCapacity(old.getIncomingCapacity());
        engine.setContext(this);
        engine.open();
        for (LinkImpl l : new ArrayList<>(links)) {
            if (l.engine.getLocalState() != org.apache.qpid.proton.engine.EndpointState.ACTIVE) {
                links.remove(l);
            } else {
                l.reopenOn(engine);
            }
        }
    }

    /** Closed at both ends and given back to the engine. */
    boolean freed;

    /** As {@link LinkImpl#freeIfDone()}, for the session and the links it still has. */
    void freeIfDone() {
        if (!freed && engine.getLocalState() == org.apache.qpid.proton.engine.EndpointState.CLOSED
                && engine.getRemoteState() == org.apache.qpid.proton.engine.EndpointState.CLOSED) {
            freed = true;
            for (LinkImpl l : links) {
                l.freed = true;
            }
            links.clear();
            driver.connectionImpl().sessions.remove(this);
            engine.free();
        }
    }

    @Override
    org.apache.qpid.proton.engine.Endpoint engine() {
        return engine;
    }

    @Override
    MessagingHandler handler() {
        return handler != null ? guard(handler) : driver.connectionImpl().handler();
    }

    @Override
    public void open() {
        check("open");
        if (locallyUninitialised()) {
            engine.open();
            touched();
        }
    }

    @Override
    public void open(SessionOptions options) {
        check("open");
        if (options != null && locallyUninitialised()) {
            apply(options);
        }
        open();
    }

    private void apply(SessionOptions options) {
        if (options.handler() != null) {
            handler = options.handler();
        }
        if (options.incomingCapacity() != null) {
            engine.setIncomingCapacity(options.incomingCapacity());
        }
    }

    @Override
    public long incomingBytes() {
        check("incomingBytes");
        return engine.getIncomingBytes();
    }

    @Override
    public long outgoingBytes() {
        check("outgoingBytes");
        return engine.getOutgoingBytes();
    }

    @Override
    public Sender openSender(String address) {
        return openSender(address, null);
    }

    @Override
    public Sender openSender(String address, SenderOptions options) {
        check("openSender");
        open();
        SenderImpl s = SenderImpl.create(this, address, options);
        touched();
        return s;
    }

    @Override
    public Receiver openReceiver(String address) {
        return openReceiver(address, null);
    }

    @Override
    public Receiver openReceiver(String address, ReceiverOptions options) {
        check("openReceiver");
        open();
        ReceiverImpl r = ReceiverImpl.create(this, address, options);
        touched();
        return r;
    }

    @Override
    public List<Sender> senders() {
        check("senders");
        List<Sender> out = new ArrayList<>();
        for (LinkImpl l : links) {
            if (l instanceof Sender s) out.add(s);
        }
        return out;
    }

    @Override
    public List<Receiver> receivers() {
        check("receivers");
        List<Receiver> out = new ArrayList<>();
        for (LinkImpl l : links) {
            if (l instanceof Receiver r) out.add(r);
        }
        return out;
    }

    @Override
    public String toString() {
        return "session(" + driver.connectionImpl() + ")";
    }
}
