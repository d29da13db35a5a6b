package io.jproton.internal.engine;

import io.jproton.ConnectionOptions;
import io.jproton.MessagingHandler;
import io.jproton.Receiver;
import io.jproton.ReceiverOptions;
import io.jproton.Sender;
import io.jproton.SenderOptions;
import io.jproton.Session;
import io.jproton.SessionOptions;
import io.jproton.Transport;
import io.jproton.internal.codec.AmqpTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link io.jproton.Connection} over a proton-j connection. Confined to its context, except {@link #wake()}. */
final class ConnectionImpl extends EndpointImpl implements io.jproton.Connection {
    org.apache.qpid.proton.engine.Connection engine;
    final List<SessionImpl> sessions = new ArrayList<>();
    private SessionImpl defaultSession;
    String user = "";
    boolean reconnected;

    ConnectionImpl(ConnectionDriver driver, org.apache.qpid.proton.engine.Connection engine) {
        super(driver);
        this.engine = engine;
        engine.setContext(this);
    }

    @Override
    org.apache.qpid.proton.engine.Endpoint engine() {
        return engine;
    }

    @Override
    MessagingHandler handler() {
        return guard(handler != null ? handler : driver.container().handler());
    }

    /** Moves to a new engine connection (reconnect) that sends the same open frame as the old one. */
    void rebind(org.apache.qpid.proton.engine.Connection fresh, org.apache.qpid.proton.engine.Connection old) {
        fresh.setContainer(old.getContainer());
        fresh.setHostname(old.getHostname());
        engine = fresh;
        fresh.setContext(this);
        apply(driver.options());
    }

    /** Sets what the open frame will carry. */
    void apply(ConnectionOptions o) {
        if (o.handler() != null) handler = o.handler();
        if (o.containerId() != null) engine.setContainer(o.containerId());
        if (o.virtualHost() != null) engine.setHostname(o.virtualHost());
        if (o.properties() != null) engine.setProperties(AmqpTypes.symbolKeyed(o.properties()));
        if (o.offeredCapabilities() != null) engine.setOfferedCapabilities(AmqpTypes.symbols(o.offeredCapabilities()));
        if (o.desiredCapabilities() != null) engine.setDesiredCapabilities(AmqpTypes.symbols(o.desiredCapabilities()));
        if (o.user() != null) user = o.user();
    }

    @Override
    public void open() {
        open(null);
    }

    @Override
    public void open(ConnectionOptions options) {
        check("open");
        if (options != null) {
            apply(options);
            driver.applyTransportOptions(options);
        }
        if (locallyUninitialised()) {
            engine.open();
            touched();
        }
    }

    @Override
    public void updateOptions(ConnectionOptions options) {
        check("updateOptions");
        driver.options().update(options);
        driver.host().optionsUpdated(driver.options());
    }

    @Override
    public Session defaultSession() {
        check("defaultSession");
        if (defaultSession == null || defaultSession.locallyClosed()) {
            defaultSession = SessionImpl.create(driver, null);
            defaultSession.open();
        }
        return defaultSession;
    }

    @Override
    public Session openSession() {
        return openSession(null);
    }

    @Override
    public Session openSession(SessionOptions options) {
        check("openSession");
        SessionImpl s = SessionImpl.create(driver, options);
        s.open();
        return s;
    }

    @Override
    public Sender openSender(String address) {
        return defaultSession().openSender(address);
    }

    @Override
    public Sender openSender(String address, SenderOptions options) {
        return defaultSession().openSender(address, options);
    }

    @Override
    public Receiver openReceiver(String address) {
        return defaultSession().openReceiver(address);
    }

    @Override
    public Receiver openReceiver(String address, ReceiverOptions options) {
        return defaultSession().openReceiver(address, options);
    }

    @Override
    public List<Session> sessions() {
        check("sessions");
        return new ArrayList<>(sessions);
    }

    @Override
    public List<Sender> senders() {
        check("senders");
        List<Sender> out = new ArrayList<>();
        for (SessionImpl s : sessions) out.addAll(s.senders());
        return out;
    }

    @Override
    public List<Receiver> receivers() {
        check("receivers");
        List<Receiver> out = new ArrayList<>();
        for (SessionImpl s : sessions) out.addAll(s.receivers());
        return out;
    }

    @Override
    public String containerId() {
        check("containerId");
        String c = engine.getRemoteContainer();
        return c == null ? "" : c;
    }

    @Override
    public String virtualHost() {
        check("virtualHost");
        String h = engine.getRemoteHostname() != null ? engine.getRemoteHostname() : engine.getHostname();
        return h == null ? "" : h;
    }

    @Override
    public String user() {
        check("user");
        return user;
    }

    @Override
    public Map<String, Object> properties() {
        check("properties");
        return AmqpTypes.stringKeyed(engine.getRemoteProperties());
    }

    @Override
    public int maxSessions() {
        check("maxSessions");
        return remotelyOpen() ? driver.engineTransport().getRemoteChannelMax() + 1 : 0;
    }

    private boolean remotelyOpen() {
        return engine.getRemoteState() != org.apache.qpid.proton.engine.EndpointState.UNINITIALIZED;
    }

    @Override
    public SenderOptions senderOptions() {
        check("senderOptions");
        return driver.container().senderOptions();
    }

    @Override
    public ReceiverOptions receiverOptions() {
        check("receiverOptions");
        return driver.container().receiverOptions();
    }

    @Override
    public List<String> offeredCapabilities() {
        check("offeredCapabilities");
        return AmqpTypes.names(engine.getRemoteOfferedCapabilities());
    }

    @Override
    public List<String> desiredCapabilities() {
        check("desiredCapabilities");
        return AmqpTypes.names(engine.getRemoteDesiredCapabilities());
    }

    @Override
    public int maxFrameSize() {
        check("maxFrameSize");
        return engine.getRemoteState() == org.apache.qpid.proton.engine.EndpointState.UNINITIALIZED ? 0
                : driver.engineTransport().getRemoteMaxFrameSize();
    }

    @Override
    public java.time.Duration idleTimeout() {
        check("idleTimeout");
        return java.time.Duration.ofMillis(driver.engineTransport().getRemoteIdleTimeout());
    }

    @Override
    public boolean reconnected() {
        check("reconnected");
        return reconnected;
    }

    @Override
    public Transport transport() {
        return driver.transport();
    }

    @Override
    public void wake() {
        driver.host().wake();
    }

    /**
     * @param name a link name
     * @return the receiving link of that name that is not closed locally, or null
     */
    ReceiverImpl receiverNamed(String name) {
        for (SessionImpl s : sessions) {
            for (LinkImpl l : s.links) {
                if (l instanceof ReceiverImpl r && !r.locallyClosed() && name.equals(r.engine.getName())) {
                    return r;
                }
            }
        }
        return null;
    }

    @Override
    public String toString() {
        java.net.InetSocketAddress peer = driver.host() == null ? null : driver.host().peerAddress();
        return "connection(" + (peer != null ? peer.getHostString() + ":" + peer.getPort() : engine.getHostname()) + ")";
    }
}
