package io.jproton.internal.container;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.MessagingHandler;
import io.jproton.ReceiverOptions;
import io.jproton.SenderOptions;
import io.jproton.internal.engine.ConnectionDriver;
import io.jproton.internal.engine.ContainerContext;
import io.jproton.internal.io.EventLoop;
import io.jproton.internal.io.ListenerImpl;
import io.jproton.internal.io.SocketConnection;
import io.jproton.spi.ContainerCore;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every container implementation shares: options and their defaults, URL handling, and
 * creating connections and listeners on a loop. Subclasses decide which loop and which thread:
 * that choice is the whole difference between the single- and multi-threaded containers.
 */
public abstract class ContainerBase implements ContainerCore, ContainerContext {
    private final Container container;
    private final MessagingHandler handler;
    private final String id;
    private final AtomicLong linkNames = new AtomicLong();
    private volatile ConnectionOptions clientDefaults = new ConnectionOptions();
    private volatile ConnectionOptions serverDefaults = new ConnectionOptions();
    private volatile SenderOptions senderDefaults = new SenderOptions();
    private volatile ReceiverOptions receiverDefaults = new ReceiverOptions();

    protected ContainerBase(Container container, MessagingHandler handler, String id) {
        this.container = container;
        this.handler = handler;
        this.id = id;
    }

    /**
     * @param what the method being called; throws IllegalStateException if the caller may not call it now
     */
    protected abstract void checkAccess(String what);

    /**
     * @return the loop a new connection or listener goes on
     */
    protected abstract EventLoop nextLoop();

    /**
     * @param c a new connection, to count until it finishes
     */
    protected abstract void added(SocketConnection c);

    /**
     * @param c a connection whose last callback has run
     */
    protected abstract void finished(SocketConnection c);

    /**
     * @param l a new listener
     */
    protected abstract void added(ListenerImpl l);

    /**
     * @param l a listener that has closed
     */
    protected abstract void closed(ListenerImpl l);

    /** Throws if the container is stopping. */
    protected abstract void checkNotStopping();

    @Override
    public Connection connect(String url, ConnectionOptions options) {
        checkAccess("Container.connect");
        Url u = Url.parse(url);
        checkNotStopping();
        ConnectionOptions o = new ConnectionOptions(clientDefaults);
        if (u.user() != null) o.user(u.user());
        if (u.password() != null) o.password(u.password());
        o.update(options);
        if (u.scheme().equals("amqps") && o.sslClientOptions() == null) {
            o.sslClientOptions(new io.jproton.SslClientOptions()); // the JVM's default trust
        }
        if (o.virtualHost() == null) o.virtualHost(u.connectHost());
        EventLoop loop = nextLoop();
        SocketConnection sc = new SocketConnection(loop, this::finished);
        ConnectionDriver driver = new ConnectionDriver(this, o, false, sc);
        sc.driver(driver);
        sc.reconnectTargets(opts -> reconnectTargets(u, opts));
        if (o.reconnect() != null) {
            sc.reconnect(o.reconnect(), reconnectTargets(u, o));
        }
        added(sc);
        sc.connect(u.connectHost(), u.port());
        return driver.connection();
    }

    /** @return {host, port} pairs to reconnect to: the URL's, then the failover URLs' */
    private static java.util.List<String[]> reconnectTargets(Url first, ConnectionOptions o) {
        java.util.List<String[]> targets = new java.util.ArrayList<>();
        targets.add(new String[] {first.connectHost(), Integer.toString(first.port())});
        if (o.failoverUrls() != null) {
            for (String f : o.failoverUrls()) {
                Url fu = Url.parse(f);
                targets.add(new String[] {fu.connectHost(), Integer.toString(fu.port())});
            }
        }
        return targets;
    }

    @Override
    public Listener listen(String url, ListenHandler listenHandler, ConnectionOptions options) {
        checkAccess("Container.listen");
        Url u = Url.parse(url);
        if (u.scheme().equals("amqps") && (options == null || options.sslServerOptions() == null)
                && serverDefaults.sslServerOptions() == null) {
            throw new IllegalArgumentException("bad URL '" + url + "': an amqps listener needs "
                    + "ConnectionOptions.sslServerOptions (on the listener or the container's server defaults)");
        }
        checkNotStopping();
        ListenHandler lh = listenHandler != null ? listenHandler : new ListenHandler() { };
        ConnectionOptions listenerOptions = options == null ? null : new ConnectionOptions(options);
        EventLoop loop = nextLoop();
        ListenerImpl l = new ListenerImpl(loop, container, lh,
                (listener, socket) -> accept(listener, socket, listenerOptions), this::closed);
        added(l);
        l.bind(u.host(), u.port());
        return l;
    }

    private void accept(ListenerImpl listener, SocketChannel socket, ConnectionOptions listenerOptions) {
        ConnectionOptions o = new ConnectionOptions(serverDefaults).update(listenerOptions);
        o.update(listener.handler().onAccept(listener));
        EventLoop loop = nextLoop();
        SocketConnection sc = new SocketConnection(loop, this::finished);
        sc.driver(new ConnectionDriver(this, o, true, sc));
        added(sc);
        sc.accepted(socket);
    }

    // ---- ContainerContext

    @Override
    public Container container() {
        return container;
    }

    @Override
    public MessagingHandler handler() {
        return handler;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String nextLinkName() {
        return id + "-" + linkNames.incrementAndGet();
    }

    // ---- defaults

    @Override
    public void clientConnectionOptions(ConnectionOptions o) {
        clientDefaults = new ConnectionOptions(o);
    }

    @Override
    public ConnectionOptions clientConnectionOptions() {
        return new ConnectionOptions(clientDefaults);
    }

    @Override
    public void serverConnectionOptions(ConnectionOptions o) {
        serverDefaults = new ConnectionOptions(o);
    }

    @Override
    public ConnectionOptions serverConnectionOptions() {
        return new ConnectionOptions(serverDefaults);
    }

    @Override
    public void senderOptions(SenderOptions o) {
        senderDefaults = new SenderOptions(o);
    }

    @Override
    public SenderOptions senderOptions() {
        return new SenderOptions(senderDefaults);
    }

    @Override
    public void receiverOptions(ReceiverOptions o) {
        receiverDefaults = new ReceiverOptions(o);
    }

    @Override
    public ReceiverOptions receiverOptions() {
        return new ReceiverOptions(receiverDefaults);
    }
}
