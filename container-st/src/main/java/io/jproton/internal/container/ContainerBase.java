package io.jproton.internal.container;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.MessagingHandler;
import io.jproton.ErrorCondition;
import io.jproton.Receiver;
import io.jproton.ReceiverOptions;
import io.jproton.Sender;
import io.jproton.SenderOptions;
import io.jproton.WorkHandle;
import io.jproton.WorkQueue;
import io.jproton.internal.engine.ConnectionDriver;
import io.jproton.internal.engine.ContainerContext;
import io.jproton.internal.io.Confinement;
import io.jproton.internal.io.EventLoop;
import io.jproton.internal.io.KeepAlive;
import io.jproton.internal.io.ListenerImpl;
import io.jproton.internal.io.SocketConnection;
import io.jproton.spi.ContainerCore;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What every container shares: options and their defaults, URL handling, creating connections and
 * listeners on a loop, stopping, scheduling, the rule for when a container has finished, and the
 * lifecycle of the one run ({@link RunOutcome}). Subclasses decide which loops and which
 * threads run them; who may call what is the {@link Confinement} they give, the one other
 * difference between the single- and multi-threaded containers.
 *
 * <p>Thread-safety: the bookkeeping here is thread-safe; each public method is as confined as the
 * {@link Confinement} makes it ({@link #checkAccess(String)}).
 *
 * <p>Size: about 470 lines, a quarter of them the option defaults' getters and setters that the
 * public {@code Container} delegates to. Both containers' whole difference is outside it: the
 * loops and threads in each subclass, who may call what in the {@link Confinement}.
 */
public abstract class ContainerBase implements ContainerCore, ContainerContext {
    private final Container container;
    private final MessagingHandler handler;
    private final String id;
    private final AtomicLong linkNames = new AtomicLong();
    /** What keeps the container running: connections, listeners, scheduled and queued work. */
    protected final KeepAlive keepAlive = new KeepAlive();
    private final Set<SocketConnection> connections = ConcurrentHashMap.newKeySet();
    private final Set<ListenerImpl> listeners = ConcurrentHashMap.newKeySet();
    private final WorkQueue workQueue = new SerialWorkQueue(this);
    private volatile boolean autoStop = true;
    private volatile boolean stopping;
    private volatile ErrorCondition stopCondition;
    private volatile ConnectionOptions clientDefaults = new ConnectionOptions();
    private volatile ConnectionOptions serverDefaults = new ConnectionOptions();
    private volatile SenderOptions senderDefaults = new SenderOptions();
    private volatile ReceiverOptions receiverDefaults = new ReceiverOptions();
    private volatile io.jproton.spi.MetricsRecorder metrics;
    private final Confinement confinement;
    /** How the one run ended; {@code run()} of each container rethrows it. */
    protected final RunOutcome outcome = new RunOutcome();

    /**
     * @param container the public container
     * @param handler the container's handler
     * @param id the container id
     * @param confinement who may call what, as the container's loops are given it
     */
    protected ContainerBase(Container container, MessagingHandler handler, String id, Confinement confinement) {
        this.confinement = confinement;
        this.container = container;
        this.handler = handler;
        this.id = id;
        keepAlive.onIdle(this::wakeAll);
    }

    /**
     * Throws IllegalStateException if the caller may not make a container call now: container calls
     * are thread-safe or confined as the {@link Confinement} says.
     *
     * @param what the method being called
     */
    protected final void checkAccess(String what) {
        if (!confinement.threadSafeCalls()) {
            nextLoop().checkAccess(what); // a container whose calls are confined has one loop
        }
    }

    /**
     * The number of connections on a loop changed; a container that balances its loops counts them.
     *
     * @param loop the loop
     * @param delta connections added (positive) or gone (negative)
     */
    protected void connectionsChanged(EventLoop loop, int delta) {
    }

    /**
     * @param remedy what a confinement error should advise
     * @return a new loop of this container: its keep-alive, its confinement
     */
    protected final EventLoop newLoop(String remedy) {
        return new EventLoop(remedy, confinement, keepAlive);
    }

    /**
     * @return the loop a new connection, listener or piece of work goes on
     */
    protected abstract EventLoop nextLoop();

    /** Makes every loop look again at whether the container has finished. */
    protected abstract void wakeAll();

    /**
     * The rule for the end of {@code run()}: nothing keeps the container running, and either it
     * stops when idle or it was stopped. Once true it stays true: a finished container does not run again.
     *
     * @return true if the container has finished
     */
    protected final boolean finishedRunning() {
        return keepAlive.closed() || ((stopping || autoStop) && keepAlive.tryClose());
    }

    /**
     * Drops connections at once, running no callback, and closes listeners: a callback failed.
     *
     * @param loop only those on this loop, or null for all
     */
    protected final void abortAll(EventLoop loop) {
        for (SocketConnection c : connections) {
            if (loop == null || c.loop() == loop) {
                c.abort();
                connections.remove(c);
            }
        }
        for (ListenerImpl l : listeners) {
            if (loop == null || l.loop() == loop) {
                try {
                    l.close();
                } catch (RuntimeException e) {
                    // the container is already failing with the first error
                }
            }
        }
    }

    /**
     * @return true once stop() was called
     */
    protected final boolean stopping() {
        return stopping;
    }

    private void checkNotStopping() {
        if (stopping) {
            throw new IllegalStateException("container is stopping");
        }
    }

    @Override
    public Connection connect(String url, ConnectionOptions options) {
        return connect(url, options, null);
    }

    @Override
    public Sender openSender(String url, SenderOptions options, ConnectionOptions connectionOptions) {
        Sender[] sender = new Sender[1];
        connect(url, connectionOptions, c -> sender[0] = c.openSender(Url.parse(url).path(), options));
        return sender[0];
    }

    @Override
    public Receiver openReceiver(String url, ReceiverOptions options, ConnectionOptions connectionOptions) {
        Receiver[] receiver = new Receiver[1];
        connect(url, connectionOptions, c -> receiver[0] = c.openReceiver(Url.parse(url).path(), options));
        return receiver[0];
    }

    /**
     * @param setup what to do with the new connection before its loop takes it, on this thread, or null
     */
    private Connection connect(String url, ConnectionOptions options, Consumer<Connection> setup) {
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
        SocketConnection sc = new SocketConnection(loop, this::finished, this::stopping);
        ConnectionDriver driver = new ConnectionDriver(this, o, false, sc);
        sc.driver(driver);
        sc.reconnectTargets(opts -> reconnectTargets(u, opts));
        if (reconnects(o)) {
            sc.reconnect(reconnectOptions(o), reconnectTargets(u, o));
        }
        if (setup != null) {
            setup.accept(driver.connection()); // nobody else knows the connection yet
        }
        added(sc);
        sc.start(() -> {
            sc.connect(u.connectHost(), u.port());
            stopIfStopping(sc);
        });
        return driver.connection();
    }

    private void added(SocketConnection sc) {
        if (!keepAlive.tryAcquire()) {
            throw new IllegalStateException("container is stopping: it has finished running");
        }
        registered(sc);
    }

    /** Adds a connection already counted in the keep-alive. */
    private void registered(SocketConnection sc) {
        connections.add(sc);
        connectionsChanged(sc.loop(), 1);
    }

    private void finished(SocketConnection sc) {
        if (connections.remove(sc)) {
            connectionsChanged(sc.loop(), -1);
            keepAlive.release();
        }
    }

    private void stopIfStopping(SocketConnection sc) {
        if (stopping) {
            sc.stop(stopCondition); // stop() ran while this connection was on its way to the loop
        }
    }

    /** @return true if the options turn reconnect on: reconnect options, failover URLs or a reconnect URL (as C++) */
    static boolean reconnects(ConnectionOptions o) {
        return o.reconnect() != null || o.failoverUrls() != null || o.reconnectUrl() != null;
    }

    /** @return the options' reconnect timing, the defaults where only URLs turned reconnect on */
    static io.jproton.ReconnectOptions reconnectOptions(ConnectionOptions o) {
        return o.reconnect() != null ? o.reconnect() : new io.jproton.ReconnectOptions();
    }

    /** @return {host, port} pairs to reconnect to: the URL's (or the reconnect URL), then the failover URLs' */
    private static java.util.List<String[]> reconnectTargets(Url first, ConnectionOptions o) {
        java.util.List<String[]> targets = new java.util.ArrayList<>();
        Url to = o.reconnectUrl() != null ? Url.parse(o.reconnectUrl()) : first;
        targets.add(new String[] {to.connectHost(), Integer.toString(to.port())});
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
            throw new IllegalArgumentException("bad URL '" + Url.redact(url) + "': an amqps listener needs "
                    + "ConnectionOptions.sslServerOptions (on the listener or the container's server defaults)");
        }
        checkNotStopping();
        ListenHandler lh = listenHandler != null ? listenHandler : new ListenHandler() { };
        ConnectionOptions listenerOptions = options == null ? null : new ConnectionOptions(options);
        EventLoop loop = nextLoop();
        ListenerImpl l = new ListenerImpl(loop, container, lh,
                (listener, socket) -> accept(listener, socket, listenerOptions), this::closed);
        if (!keepAlive.tryAcquire()) {
            throw new IllegalStateException("container is stopping: it has finished running");
        }
        listeners.add(l);
        l.bind(u.host(), u.port());
        if (stopping) {
            loop.runOrExecute(l::close);
        }
        return l;
    }

    private void closed(ListenerImpl l) {
        if (listeners.remove(l)) {
            keepAlive.release();
        }
    }

    private void accept(ListenerImpl listener, SocketChannel socket, ConnectionOptions listenerOptions) {
        ConnectionOptions limits = new ConnectionOptions(serverDefaults).update(listenerOptions);
        if (!listener.admit(limits.maxConnections() != null ? limits.maxConnections() : ConnectionOptions.DEFAULT_MAX_CONNECTIONS)) {
            drop(socket); // over the listener's limit: closed before any byte is read, no callback
            return;
        }
        // counted before onAccept: a handler that stops the listener there (the last thing keeping the
        // container running) must not let another thread finish the container under the new connection
        if (!keepAlive.tryAcquire()) {
            listener.connectionFinished();
            drop(socket); // the container has finished running
            return;
        }
        ConnectionOptions o = new ConnectionOptions(limits);
        try {
            o.update(listener.handler().onAccept(listener));
        } catch (RuntimeException | Error e) {
            keepAlive.release();
            listener.connectionFinished();
            drop(socket);
            throw e; // an application callback failed: the container stops, as C++
        }
        EventLoop loop = nextLoop();
        SocketConnection sc = new SocketConnection(loop, c -> {
            finished(c);
            listener.connectionFinished();
        }, this::stopping);
        sc.driver(new ConnectionDriver(this, o, true, sc));
        registered(sc);
        sc.start(() -> {
            sc.accepted(socket);
            stopIfStopping(sc);
        });
    }

    private static void drop(SocketChannel socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // dropped either way
        }
    }

    @Override
    public void stop(ErrorCondition condition) {
        checkAccess("Container.stop");
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopCondition = condition;
            stopping = true;
        }
        keepAlive.cancelTimers();
        for (ListenerImpl l : listeners) {
            l.loop().runOrExecute(l::close);
        }
        for (SocketConnection c : connections) {
            c.loop().runOrExecute(() -> c.stop(condition));
        }
        wakeAll();
    }

    @Override
    public void autoStop(boolean autoStop) {
        checkAccess("Container.autoStop");
        this.autoStop = autoStop;
        wakeAll();
    }

    @Override
    public WorkHandle schedule(Duration delay, Runnable work) {
        checkAccess("Container.schedule");
        if (stopping) {
            return () -> false; // a stopping container runs no more application timers
        }
        SocketConnection caller = EventLoop.currentConnection();
        if (caller != null) {
            return caller.scheduleForContainer(delay, work); // in the caller's connection context, as ST handlers expect
        }
        return nextLoop().scheduleWork(delay, work);
    }

    @Override
    public WorkQueue workQueue() {
        return workQueue;
    }

    @Override
    public WorkQueue newWorkQueue() {
        return new SerialWorkQueue(this);
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

    /**
     * The run has ended and its loops are about to close: the keep-alive closes whatever it still
     * counts (a failed run dropped things without releasing them), so from now on connect and
     * listen throw and work queues refuse work.
     */
    protected void runEnded() {
        keepAlive.close();
        outcome.end();
    }

    @Override
    public void metricsRecorder(io.jproton.spi.MetricsRecorder recorder) {
        checkAccess("Container.metricsRecorder");
        metrics = recorder;
    }

    @Override
    public io.jproton.spi.MetricsRecorder metrics() {
        return metrics;
    }

    @Override
    public void clientConnectionOptions(ConnectionOptions o) {
        checkAccess("Container.clientConnectionOptions");
        clientDefaults = new ConnectionOptions(o);
    }

    @Override
    public ConnectionOptions clientConnectionOptions() {
        checkAccess("Container.clientConnectionOptions");
        return new ConnectionOptions(clientDefaults);
    }

    @Override
    public void serverConnectionOptions(ConnectionOptions o) {
        checkAccess("Container.serverConnectionOptions");
        serverDefaults = new ConnectionOptions(o);
    }

    @Override
    public ConnectionOptions serverConnectionOptions() {
        checkAccess("Container.serverConnectionOptions");
        return new ConnectionOptions(serverDefaults);
    }

    @Override
    public void senderOptions(SenderOptions o) {
        checkAccess("Container.senderOptions");
        senderDefaults = new SenderOptions(o);
    }

    @Override
    public SenderOptions senderOptions() {
        checkAccess("Container.senderOptions");
        return new SenderOptions(senderDefaults);
    }

    @Override
    public void receiverOptions(ReceiverOptions o) {
        checkAccess("Container.receiverOptions");
        receiverDefaults = new ReceiverOptions(o);
    }

    @Override
    public ReceiverOptions receiverOptions() {
        checkAccess("Container.receiverOptions");
        return new ReceiverOptions(receiverDefaults);
    }
}
