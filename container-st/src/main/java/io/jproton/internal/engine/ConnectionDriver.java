package io.jproton.internal.engine;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.ErrorCondition;
import io.jproton.WorkQueue;
import io.jproton.internal.codec.GrowableBuffer;
import java.nio.ByteBuffer;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.engine.Collector;
import org.apache.qpid.proton.engine.Event;
import org.apache.qpid.proton.engine.TransportException;
import org.apache.qpid.proton.engine.impl.FrameHandler;
import org.slf4j.Logger;

/**
 * One AMQP connection: a proton-j transport, connection and collector, turning bytes into
 * handler callbacks and callbacks' actions into bytes. No sockets, no threads: whoever owns the
 * driver feeds it input ({@link #inputBuffer()}, {@link #processInput()}), drains its output
 * ({@link #outputBuffer()}, {@link #outputWritten(int)}) and calls {@link #dispatch()} to run the
 * callbacks. Shared by every container and by the public {@code ConnectionEngine}.
 *
 * <p>One peer's input costs at most its own connection: a protocol violation, a limit exceeded, or
 * anything proton-j or this driver throws while handling that peer's bytes closes the connection
 * with an AMQP condition and {@code onTransportError} (see {@link FrameGuard}); the caller never
 * sees such an exception. An exception thrown by the application's handler is another matter: it
 * propagates to the caller unchanged (so the container stops, as in Proton C++).
 *
 * <p>Not thread-safe: confined to the connection's context, which its {@link DriverHost} defines.
 *
 * <p>Size: about 500 lines, most of them Javadoc of the accessors the endpoint classes share. What
 * had its own idea is in its own class: one transport's layers, bytes and end
 * ({@link EngineTransport}), TLS ({@link TlsSetup}), SASL ({@link SaslSetup}), delivery tags
 * ({@link DeliveryTags}), freeing closed endpoints ({@link ClosedEndpoints}), the event mapping
 * ({@link MessagingAdapter}). What stays is the connection's life across transports: building and
 * rebuilding the engine, the dispatch of events, and the transport's {@code Phase}.
 */
public final class ConnectionDriver {
    private static final Logger LOG = Loggers.CONNECTION;

    /** Where the connection's transport is in its life; a reconnect starts the next one at CONNECTING. */
    private enum Phase {
        /** No network connection yet (a client connecting, or a reconnect attempt). */
        CONNECTING,
        /** The network connection is up: {@code onTransportOpen} has run, or waits for authentication. */
        OPEN,
        /** The transport was lost and the host is reconnecting: the closing callbacks wait. */
        RECONNECTING,
        /** The transport was lost and will not be replaced: the closing callbacks are due. */
        LOST,
        /** The closing callbacks have run: the connection has finished. */
        CLOSED
    }
    private final ContainerContext container;
    /** This connection's counts for the container's metrics recorder; null (and never called) without one. */
    final ConnectionMetrics metrics;
    private final ConnectionOptions options;
    /** The options' max unsettled per link, read once (the senders' and receivers' hot paths use it). */
    final int maxUnsettled;
    private org.apache.qpid.proton.engine.Connection engineConnection;
    /** The current transport: its layers, its bytes and how it ended. */
    private EngineTransport io;
    /** The last exception the application's handler threw (see {@link GuardedHandler}). */
    private Throwable applicationFailure;
    /** Sessions and links closed at both ends, freed once their closing frames are out. */
    private final ClosedEndpoints closed;
    private Collector collector;
    private final ConnectionImpl connection;
    private final TransportImpl transportApi = new TransportImpl(this);
    private final WorkQueueImpl workQueue = new WorkQueueImpl(this);
    private final MessagingAdapter adapter = new MessagingAdapter(this);
    /** Only for sends from a thread without a scratch buffer of its own (see DriverHost.scratchBuffer). */
    private GrowableBuffer encodeBuffer;
    private final boolean server;
    private DriverHost host;
    private final DeliveryTags tags = new DeliveryTags();
    private Phase phase = Phase.CONNECTING;
    /** The TLS layer of each transport. */
    private final TlsSetup tls;
    /** The SASL layer of each transport. */
    private final SaslSetup sasl;
    /** A listener's connection that must authenticate first: onTransportOpen waits for it. */
    private boolean transportOpenDeferred;

    /**
     * @param container the container
     * @param options the connection's options, container defaults already merged in
     * @param server true for an accepted connection, false for one we connect
     * @param host who runs this driver
     */
    public ConnectionDriver(ContainerContext container, ConnectionOptions options, boolean server, DriverHost host) {
        this.metrics = ConnectionMetrics.of(container.metrics());
        this.container = container;
        this.server = server;
        this.host = host;
        this.options = options;
        this.maxUnsettled = maxUnsettled(options);
        this.closed = new ClosedEndpoints(maxLinks(options) + ConnectionOptions.DEFAULT_MAX_SESSIONS);
        this.tls = new TlsSetup(options, server);
        this.sasl = new SaslSetup(this, options, server);
        newEngine();
        connection = new ConnectionImpl(this, engineConnection);
        engineConnection.setContainer(container.id());
        connection.apply(options);
        io.bind();
        if (!server) {
            engineConnection.open();
        }
    }

    /** Creates the engine objects: connection, collector, and a transport with the options' settings and our layers. */
    private void newEngine() {
        engineConnection = Proton.connection();
        collector = Proton.collector();
        engineConnection.collect(collector);
        io = new EngineTransport(engineConnection, options, container.id(), sasl, tls, metrics, this, this::closeOversizedLinks);
    }

    /** @return the TLS layer */
    TlsSetup tls() {
        return tls;
    }

    /** @return the TLS session's protocol, cipher and peer subject, for a log line; null without TLS */
    public String tlsSummary() {
        return tls.summary();
    }

    /** @return the SASL layer */
    SaslSetup sasl() {
        return sasl;
    }

    /**
     * Starts over on a new transport after the old one was lost (reconnect): new engine objects,
     * the same public connection, and every session and link that was open opened again.
     */
    public void reset() {
        if (metrics != null) {
            metrics.transportReset(); // the sessions and links opened again below count again
        }
        org.apache.qpid.proton.engine.Connection old = engineConnection;
        newEngine();
        connection.rebind(engineConnection, old);
        for (SessionImpl s : new java.util.ArrayList<>(connection.sessions)) {
            if (s.engine.getLocalState() != org.apache.qpid.proton.engine.EndpointState.ACTIVE) {
                connection.sessions.remove(s);
                continue;
            }
            s.reopenOn(engineConnection);
        }
        io.bind();
        engineConnection.open();
        connection.reconnected = true;
        phase = Phase.CONNECTING;
    }

    static int maxLinks(ConnectionOptions o) {
        return o.maxLinks() != null ? o.maxLinks() : ConnectionOptions.DEFAULT_MAX_LINKS;
    }

    static long maxMessageSize(ConnectionOptions o) {
        return o.maxMessageSize() != null ? o.maxMessageSize() : ConnectionOptions.DEFAULT_MAX_MESSAGE_SIZE;
    }

    static int maxUnsettled(ConnectionOptions o) {
        return o.maxUnsettled() != null ? o.maxUnsettled() : ConnectionOptions.DEFAULT_MAX_UNSETTLED;
    }

    ConnectionOptions options() {
        return options;
    }

    /** @return true if neither side closed the connection, yet its transport has ended */
    private boolean unexpectedEnd() {
        return engineConnection.getLocalState() != org.apache.qpid.proton.engine.EndpointState.CLOSED
                && engineConnection.getRemoteState() != org.apache.qpid.proton.engine.EndpointState.CLOSED
                && (!server || phase != Phase.CONNECTING);
    }

    /** Reconnecting has ended without success: the next dispatch runs the closing callbacks. */
    public void giveUp() {
        if (phase == Phase.RECONNECTING) {
            phase = Phase.LOST;
        }
    }

    /** @return true while the host is reconnecting */
    public boolean awaitingReconnect() {
        return phase == Phase.RECONNECTING;
    }

    /** @return true once the peer has opened the connection on the current transport */
    public boolean remotelyOpen() {
        return engineConnection.getRemoteState() == org.apache.qpid.proton.engine.EndpointState.ACTIVE;
    }

    /** @return true once the application has closed the connection */
    public boolean locallyClosed() {
        return engineConnection.getLocalState() == org.apache.qpid.proton.engine.EndpointState.CLOSED;
    }

    void applyTransportOptions(ConnectionOptions o) {
        io.apply(o);
    }

    // ---- accessors used by the endpoint classes

    /**
     * @return who runs this driver
     */
    public DriverHost host() {
        return host;
    }

    /**
     * @param host the new host (used when a connection moves, e.g. to another loop before it starts)
     */
    public void host(DriverHost host) {
        this.host = host;
    }

    /**
     * @return the container
     */
    public ContainerContext container() {
        return container;
    }

    /**
     * @return the public connection
     */
    public Connection connection() {
        return connection;
    }

    ConnectionImpl connectionImpl() {
        return connection;
    }

    /**
     * The connection was dropped without callbacks (the container stopped after a callback threw):
     * tells the connection's handler if it is one of jproton's own that asked to know
     * ({@link AbortAware}). Nothing else runs.
     */
    public void aborted() {
        if (connection.handler instanceof AbortAware a) {
            try {
                a.connectionAborted();
            } catch (RuntimeException e) {
                LOG.warn("{}: an internal handler failed while its connection was dropped", connection, e);
            }
        }
    }

    org.apache.qpid.proton.engine.Transport engineTransport() {
        return io.engine();
    }

    /**
     * @return the current transport: where the host puts input and takes output
     */
    public EngineTransport io() {
        return io;
    }

    org.apache.qpid.proton.engine.Connection engineConnection() {
        return engineConnection;
    }

    /**
     * @return the public transport
     */
    public io.jproton.Transport transport() {
        return transportApi;
    }

    /**
     * @return the connection's work queue
     */
    public WorkQueue workQueue() {
        return workQueue;
    }

    GrowableBuffer encodeBuffer() {
        GrowableBuffer scratch = host.scratchBuffer();
        if (scratch != null) {
            return scratch;
        }
        if (encodeBuffer == null) {
            encodeBuffer = new GrowableBuffer(512);
        }
        return encodeBuffer;
    }

    /** @return the connection's delivery tags */
    DeliveryTags tags() {
        return tags;
    }

    /** @return this connection's share of the container's metrics, or null where the container counts nothing */
    public ConnectionMetrics metrics() {
        return metrics;
    }

    /** @return the condition the peer closed the connection with, or null */
    public ErrorCondition remoteCondition() {
        return engineConnection == null ? null : Conditions.fromEngine(engineConnection.getRemoteCondition());
    }

    /** @return the error the transport closed with (an authentication failure first), or null */
    public ErrorCondition transportError() {
        return io.error();
    }

    /** Closes the receiving links whose incoming message went over the max message size. */
    private void closeOversizedLinks() {
        for (FrameGuard.Oversized o : io.guard().takeOversized()) {
            ReceiverImpl r = connection.receiverNamed(o.name());
            LOG.warn("closing {} of {}: an incoming message of at least {} bytes is larger than the max message size {}",
                    r != null ? r : "receiver(" + o.name() + ")", connection, o.bytes(), maxMessageSize(options));
            if (r != null && !r.locallyClosed()) {
                r.engine.setCondition(Conditions.toEngine(new ErrorCondition("amqp:link:message-size-exceeded",
                        "a message of at least " + o.bytes() + " bytes is larger than the max message size "
                                + maxMessageSize(options) + " (ConnectionOptions.maxMessageSize)")));
                r.engine.close();
            }
        }
    }

    /**
     * Notes a delivery just sent, which may span frames (see {@link MidTransferSettlement}).
     *
     * @param d the delivery
     * @param bytes its size
     */
    void sent(org.apache.qpid.proton.engine.Delivery d, int bytes) {
        io.sent(d, bytes);
    }

    /**
     * Frees an endpoint closed at both ends once its closing frame has gone out (proton-j fails to
     * write the end of a session freed before; see {@link LinkImpl#freeIfDone()}).
     *
     * @param e a session or link
     */
    void freeWhenClosed(EndpointImpl e) {
        closed.add(e);
    }

    /**
     * Notes that the application's handler threw this (so that {@link #dispatch()} lets it
     * propagate instead of closing the connection for it).
     *
     * @param t what the handler threw
     */
    void applicationFailed(Throwable t) {
        applicationFailure = t;
    }

    /**
     * The transport is lost with this error, as if the network had failed.
     *
     * @param condition the error the transport reports
     */
    void lostTransport(ErrorCondition condition) {
        io.lost(condition);
    }

    /**
     * Advances timers: idle-timeout checks and heartbeats.
     *
     * @param nowMillis a monotonic clock in milliseconds
     * @return the next deadline in the same clock, or 0 for none
     */
    public long tick(long nowMillis) {
        return phase == Phase.CLOSED ? 0 : io.tick(nowMillis);
    }

    /**
     * @return how long the connection may take to open (the options' handshake timeout), zero for no limit
     */
    public java.time.Duration handshakeTimeout() {
        return options.handshakeTimeout() != null ? options.handshakeTimeout() : ConnectionOptions.DEFAULT_HANDSHAKE_TIMEOUT;
    }

    /**
     * The peer's AMQP open did not arrive in time: the connection closes with
     * {@code amqp:resource-limit-exceeded} and {@code onTransportError}.
     *
     * @param timeout the timeout that passed
     */
    public void handshakeTimedOut(java.time.Duration timeout) {
        io.fail(new ErrorCondition("amqp:resource-limit-exceeded", "handshake timeout: the connection did not open within "
                + timeout.toMillis() + " ms (ConnectionOptions.handshakeTimeout)"), null);
    }

    /** Reports that the network connection is established: calls {@code onTransportOpen}. */
    public void transportOpened() {
        if (phase == Phase.CONNECTING) {
            phase = Phase.OPEN;
            if (sasl.required() && !sasl.authenticated()) {
                transportOpenDeferred = true; // the handler hears of the client once it has authenticated
                return;
            }
            connection.handler().onTransportOpen(transportApi);
        }
    }

    /**
     * Before the callbacks of a dispatch: a failed authentication closes the transport, and a
     * listener's connection that has just authenticated gets its {@code onTransportOpen}.
     */
    private void beforeCallbacks() {
        sasl.beforeDispatch();
        if (transportOpenDeferred && sasl.authenticated()) {
            transportOpenDeferred = false;
            connection.handler().onTransportOpen(transportApi);
        }
    }

    /**
     * Runs the handler callbacks for every event the engine has collected, then, once the
     * transport has closed in both directions, the final {@code onTransportError}/{@code onTransportClose}.
     * A callback's exception propagates to the caller; a failure of our own (or proton-j's) while
     * handling an event closes this connection instead.
     */
    public void dispatch() {
        closed.freeSent(io);
        beforeCallbacks();
        Event e;
        while ((e = collector.peek()) != null) {
            try {
                adapter.handle(e);
            } catch (PeerViolation v) {
                io.fail(v.condition, null);
            } catch (RuntimeException ex) {
                if (ex == applicationFailure) {
                    throw ex;
                }
                io.fail(new ErrorCondition("amqp:internal-error", "cannot handle " + e.getType() + ": " + EngineTransport.describe(ex)), ex);
            } finally {
                collector.pop();
            }
        }
        io.endOutputIfSpent();
        if (closingCallbacksWait() || !io.ended()) {
            return;
        }
        ErrorCondition err = io.error();
        if (err == null && !io.aborted() && unexpectedEnd()) {
            // the transport ended (a TLS layer gives up quietly, for one) with the connection still wanted
            boolean unopened = engineConnection.getRemoteState() == org.apache.qpid.proton.engine.EndpointState.UNINITIALIZED;
            boolean inTls = tls.configured() && unopened;
            err = new ErrorCondition("amqp:connection:framing-error", inTls ? "TLS handshake failed: " + tls.failure()
                    : unopened ? "connection aborted before the peer opened it" : "connection ended unexpectedly");
            io.endedWithoutClose(inTls, err);
        }
        if (err != null && !io.aborted() && !sasl.authenticationFailed() && host.reconnectAfter(err)) {
            phase = Phase.RECONNECTING; // no callbacks for a transport that is being replaced
            return;
        }
        phase = Phase.CLOSED;
        if (sasl.required() && !sasl.authenticated()) {
            return; // a client that never authenticated: the listener's handler never heard of it
        }
        io.jproton.MessagingHandler h = connection.handler();
        if (err != null) {
            h.onTransportError(transportApi);
        }
        h.onTransportClose(transportApi);
    }

    /** @return true once the closing callbacks have run, or while they wait for a reconnect */
    private boolean closingCallbacksWait() {
        return phase == Phase.CLOSED || phase == Phase.RECONNECTING;
    }

    /**
     * @return true if {@link #dispatch()} has callbacks to run
     */
    public boolean needsDispatch() {
        return collector.peek() != null
                || (!closingCallbacksWait() && (io.ended() || io.inputIsClosed() && io.pending() == 0));
    }

    /** Runs {@code onConnectionWake}. */
    public void wakeCallback() {
        connection.handler().onConnectionWake(connection);
    }

    /**
     * @return true once the transport has closed and its last callback has run
     */
    public boolean finished() {
        return phase == Phase.CLOSED;
    }

    /** @return the connection's name (log lines of the driver's parts name the connection) */
    @Override
    public String toString() {
        return String.valueOf(connection);
    }

    /**
     * Closes the connection with an error, as a stopping container does.
     *
     * @param condition the error, or null
     */
    public void close(ErrorCondition condition) {
        if (engineConnection.getLocalState() != org.apache.qpid.proton.engine.EndpointState.CLOSED) {
            engineConnection.setCondition(Conditions.toEngine(condition));
            engineConnection.close();
        }
    }
}
