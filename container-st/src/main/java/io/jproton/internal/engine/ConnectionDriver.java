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
 */
public final class ConnectionDriver {
    private static final Logger LOG = Loggers.CONNECTION;
    /** proton-j's description when it closes a connection whose peer fell silent. */
    private static final String IDLE_TIMEOUT_EXPIRED = "local-idle-timeout expired";
    private final ContainerContext container;
    /** This connection's counts for the container's metrics recorder; null (and never called) without one. */
    final ConnectionMetrics metrics;
    private final ConnectionOptions options;
    /** The options' max unsettled per link, read once (the senders' and receivers' hot paths use it). */
    final int maxUnsettled;
    private org.apache.qpid.proton.engine.Connection engineConnection;
    private org.apache.qpid.proton.engine.Transport transport;
    private IdleBuffers idleBuffers;
    private FrameGuard guard;
    private MidTransferSettlement midTransfer;
    /** The last exception the application's handler threw (see {@link GuardedHandler}). */
    private Throwable applicationFailure;
    /** Sessions and links closed at both ends, freed once their closing frames are out ({@link #freeClosed()}). */
    private final java.util.ArrayDeque<EndpointImpl> closed = new java.util.ArrayDeque<>(0);
    /** Our own processing of this connection failed: no more input is taken. */
    private boolean failed;
    /** proton-j failed while producing output: the output is over. */
    private boolean outputBroken;
    private Collector collector;
    private final ConnectionImpl connection;
    private final TransportImpl transportApi = new TransportImpl(this);
    private final WorkQueueImpl workQueue = new WorkQueueImpl(this);
    private final MessagingAdapter adapter = new MessagingAdapter(this);
    /** Only for sends from a thread without a scratch buffer of its own (see DriverHost.scratchBuffer). */
    private GrowableBuffer encodeBuffer;
    private final boolean server;
    private DriverHost host;
    private long nextTag;
    private ErrorCondition ioError;
    private boolean transportOpened;
    private boolean transportClosed;
    private boolean aborted;
    /** The transport was lost and the host is reconnecting: its closing callbacks wait. */
    private boolean awaitingReconnect;
    /** The TLS layer of each transport. */
    private final TlsSetup tls;
    /** The SASL layer of each transport. */
    private final SaslSetup sasl;
    /** A listener's connection that must authenticate first: onTransportOpen waits for it. */
    private boolean transportOpenDeferred;
    /** The transport ended without a close: in the TLS handshake, or (otherwise) after it. */
    private boolean tlsHandshakeFailed;
    private boolean endedUnexpectedly;

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
        this.tls = new TlsSetup(options, server);
        this.sasl = new SaslSetup(this, options, server);
        newEngine();
        connection = new ConnectionImpl(this, engineConnection);
        engineConnection.setContainer(container.id());
        connection.apply(options);
        transport.bind(engineConnection);
        if (!server) {
            engineConnection.open();
        }
    }

    /** Creates the engine objects: connection, collector, and a transport with the options' settings. */
    private void newEngine() {
        engineConnection = Proton.connection();
        collector = Proton.collector();
        engineConnection.collect(collector);
        transport = Proton.transport();
        // every frame the peer sends passes the guard before proton-j handles it
        midTransfer = new MidTransferSettlement();
        guard = new FrameGuard((FrameHandler) transport, transport, maxLinks(options), maxMessageSize(options), midTransfer);
        ((org.apache.qpid.proton.engine.impl.TransportImpl) transport).setFrameHandler(guard);
        transport.setEmitFlowEventOnSend(false); // as proton-c: onSendable follows the peer's flow frames, not our own sends
        transport.setChannelMax(ConnectionOptions.DEFAULT_MAX_SESSIONS - 1); // unless the options say otherwise
        FrameTrace.install(transport, container.id() + "/" + Integer.toHexString(System.identityHashCode(transport)));
        applyTransportOptions(options);
        idleBuffers = new IdleBuffers(); // innermost: right on proton-j's frame parser and output
        ((org.apache.qpid.proton.engine.impl.TransportInternal) transport).addTransportLayer(idleBuffers);
        // proton-j stacks each layer on the ones set up before it: SASL first, so that TLS is the
        // outermost layer and SASL (PLAIN passwords too) runs inside it, as in every other AMQP stack
        sasl.configure(transport);
        tls.configure(transport);
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
        tlsHandshakeFailed = false;
        endedUnexpectedly = false;
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
        transport.bind(engineConnection);
        engineConnection.open();
        connection.reconnected = true;
        transportOpened = false;
        ioError = null;
        aborted = false;
        awaitingReconnect = false;
        failed = false;
        outputBroken = false;
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
                && (!server || transportOpened);
    }

    /** Reconnecting has ended without success: the next dispatch runs the closing callbacks. */
    public void giveUp() {
        awaitingReconnect = false;
    }

    /** @return true while the host is reconnecting */
    public boolean awaitingReconnect() {
        return awaitingReconnect;
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
        if (o.maxFrameSize() != null && o.maxFrameSize() != transport.getMaxFrameSize()) {
            try {
                transport.setMaxFrameSize(o.maxFrameSize());
            } catch (IllegalStateException e) { // proton-j sizes its frame buffers when the transport is set up
                if (!ProtonJInternals.lowerAdvertisedMaxFrameSize(transport, o.maxFrameSize())) {
                    LOG.warn("{}: max frame size {} ignored: the open frame has gone out or the size is larger than the {} the"
                            + " connection was made with; give it in the options the connection is made with (Container.connect,"
                            + " a listener's onAccept, the ConnectionEngine)", connection, o.maxFrameSize(), transport.getMaxFrameSize());
                }
            }
        }
        if (o.maxSessions() != null) transport.setChannelMax(o.maxSessions() - 1);
        if (o.idleTimeout() != null) transport.setIdleTimeout((int) o.idleTimeout().toMillis());
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
        return transport;
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

    byte[] nextTag() {
        long n = nextTag++;
        int len = n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x1000000 ? 3 : 8;
        byte[] tag = new byte[len];
        for (int i = len - 1; i >= 0; i--) {
            tag[i] = (byte) n;
            n >>>= 8;
        }
        return tag;
    }

    /** @return this connection's share of the container's metrics, or null where the container counts nothing */
    public ConnectionMetrics metrics() {
        return metrics;
    }

    /** @return the condition the peer closed the connection with, or null */
    public ErrorCondition remoteCondition() {
        return engineConnection == null ? null : Conditions.fromEngine(engineConnection.getRemoteCondition());
    }

    /** @return true if the transport ended because the TLS handshake failed (a certificate refused, or no TLS peer) */
    public boolean tlsHandshakeFailed() {
        return tlsHandshakeFailed;
    }

    /** @return true if the transport just ended, with no close frame and no I/O error (the peer went away) */
    public boolean endedUnexpectedly() {
        return endedUnexpectedly;
    }

    /** @return true if our own processing closed the connection with an error (logged then, with its cause) */
    public boolean failedByUs() {
        return failed;
    }

    /** @return the error the transport closed with (an authentication failure first), or null */
    public ErrorCondition transportError() {
        if (aborted) {
            return ioError;
        }
        ErrorCondition authentication = sasl.failure(); // before an I/O error: a server may drop us to refuse
        if (authentication != null) {
            return authentication;
        }
        if (ioError != null) {
            return ioError;
        }
        return Conditions.fromEngine(transport.getCondition());
    }

    // ---- I/O

    /**
     * @return the buffer to read network input into; null once input is closed
     */
    public ByteBuffer inputBuffer() {
        return !failed && transport.capacity() > 0 ? transport.tail() : null;
    }

    /**
     * @return how much input the driver can take now; negative once input is closed
     */
    public int inputCapacity() {
        return failed ? -1 : transport.capacity();
    }

    /**
     * Processes what was put into {@link #inputBuffer()}. Whatever the bytes are, this returns
     * normally: a protocol violation, a limit exceeded or a failure inside proton-j closes the
     * connection with a condition, which {@link #dispatch()} reports.
     */
    public void processInput() {
        if (failed) {
            return;
        }
        try {
            transport.process();
        } catch (TransportException e) {
            // proton-j records the condition and closes the transport; dispatch() reports it.
        } catch (RuntimeException e) {
            fail(new ErrorCondition("amqp:connection:framing-error", "cannot process the peer's input: " + describe(e)), e);
        }
        closeOversizedLinks();
    }

    /** Closes the receiving links whose incoming message went over the max message size. */
    private void closeOversizedLinks() {
        for (FrameGuard.Oversized o : guard.takeOversized()) {
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

    /** The peer closed its side, or reading failed. */
    public void inputClosed() {
        if (!failed && transport.capacity() >= 0) {
            try {
                transport.close_tail();
            } catch (TransportException e) {
                // recorded by proton-j
            } catch (RuntimeException e) {
                fail(new ErrorCondition("amqp:connection:framing-error", "cannot process the end of the peer's input: " + describe(e)), e);
            }
        }
    }

    /**
     * @return the bytes to write, or null if there are none now; see {@link #outputClosed()}
     */
    public ByteBuffer outputBuffer() {
        return pending() > 0 ? transport.head() : null;
    }

    /** @return proton-j's pending output: bytes, 0, or negative once the output is over */
    private int pending() {
        if (outputBroken) {
            return -1;
        }
        try {
            return transport.pending();
        } catch (RuntimeException e) {
            outputBroken = true;
            fail(new ErrorCondition("amqp:internal-error", "cannot produce output: " + describe(e)), e);
            return -1;
        }
    }

    /**
     * @param n how many bytes of {@link #outputBuffer()} were written
     */
    public void outputWritten(int n) {
        transport.pop(n);
        if (metrics != null && n > 0) {
            metrics.bytesOut(n);
        }
        try {
            midTransfer.afterOutput((FrameHandler) transport);
        } catch (RuntimeException e) {
            fail(new ErrorCondition("amqp:internal-error", "cannot settle a delivery after sending it: " + describe(e)), e);
        }
    }

    /**
     * Notes a delivery just sent, which may span frames (see {@link MidTransferSettlement}).
     *
     * @param d the delivery
     * @param bytes its size
     */
    void sent(org.apache.qpid.proton.engine.Delivery d, int bytes) {
        midTransfer.sent(d, bytes, transport.getRemoteMaxFrameSize());
    }

    /**
     * Gives back the transport's frame buffers if they hold no bytes now; proton-j allocates them
     * again when the next bytes come or go. For connections that have been idle a while.
     *
     * @return how many bytes were given back
     */
    public int releaseIdleBuffers() {
        return idleBuffers.release();
    }

    /**
     * @return true once the driver will never produce more output
     */
    public boolean outputClosed() {
        return pending() < 0;
    }

    /**
     * @return true once the driver will take no more input
     */
    public boolean inputIsClosed() {
        return failed || transport.capacity() < 0;
    }

    /** @return true once the transport has ended in both directions */
    private boolean transportEnded() {
        return inputIsClosed() && outputClosed();
    }

    /**
     * Ends the output once the input is over and the output has nothing left to send: nothing the
     * peer can do will make more of it. Without this a transport whose peer left before the AMQP
     * header (proton-j then waits for it forever) would keep its socket open.
     */
    private void endOutputIfSpent() {
        if (inputIsClosed() && pending() == 0) {
            transport.close_head();
        }
    }

    /**
     * Our own processing of this connection failed (never the application's): the connection
     * closes with the condition (a close frame carries it where the output still works), takes no
     * more input, and reports {@code onTransportError}. The container and its other connections go on.
     *
     * @param condition why
     * @param cause what was thrown, logged; may be null
     */
    private void fail(ErrorCondition condition, Throwable cause) {
        if (failed) {
            return;
        }
        failed = true;
        if (cause != null) {
            LOG.warn("closing {}: {}", connection, condition, cause);
        } else {
            LOG.warn("closing {}: {}", connection, condition);
        }
        if (ioError == null) {
            ioError = condition;
        }
        try {
            transport.setCondition(Conditions.toEngine(condition));
        } catch (RuntimeException e) {
            outputBroken = true; // no close frame then: the socket just closes
        }
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

    private void freeClosed() {
        if (closed.isEmpty()) {
            return;
        }
        for (java.util.Iterator<EndpointImpl> it = closed.iterator(); it.hasNext(); ) {
            EndpointImpl e = it.next();
            if (e instanceof LinkImpl l) {
                if (l.freed || ProtonJInternals.detachDone(l.engine)) {
                    it.remove();
                    l.freeIfDone();
                }
            } else if (e instanceof SessionImpl s && (s.freed || ProtonJInternals.endSent(s.engine))) {
                it.remove();
                s.freeIfDone();
            }
        }
        if (closed.size() > maxLinks(options) + ConnectionOptions.DEFAULT_MAX_SESSIONS) {
            // a peer that opens and closes endpoints but never reads our closing frames would have us keep them all
            fail(new ErrorCondition("amqp:resource-limit-exceeded", closed.size()
                    + " closed sessions and links wait for the peer to read their closing frames"), null);
            closed.clear();
        }
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

    private static String describe(Throwable e) {
        return e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.toString();
    }

    /**
     * The network connection failed or was lost. The transport closes with this error unless it
     * already closed cleanly.
     *
     * @param description what went wrong, such as "connection refused"
     */
    public void disconnected(String description) {
        if (!transport.isClosed() && transport.getCondition() == null) {
            lostTransport(new ErrorCondition("proton:io", description));
        } else {
            lostTransport(null);
        }
    }

    /**
     * The transport is lost with this error, as if the network had failed.
     *
     * @param condition the error the transport reports
     */
    void lostTransport(ErrorCondition condition) {
        if (ioError == null) {
            ioError = condition;
        }
        inputClosed();
        transport.close_head();
    }

    /** Closes the transport at once without a close handshake; used when the container is stopped. */
    public void abort(ErrorCondition condition) {
        aborted = true;
        ioError = condition;
        inputClosed();
        transport.close_head();
    }

    /**
     * Advances timers: idle-timeout checks and heartbeats.
     *
     * @param nowMillis a monotonic clock in milliseconds
     * @return the next deadline in the same clock, or 0 for none
     */
    public long tick(long nowMillis) {
        if (transportClosed || failed) {
            return 0;
        }
        long deadline;
        try {
            deadline = transport.tick(nowMillis);
        } catch (RuntimeException e) {
            fail(new ErrorCondition("amqp:internal-error", "cannot advance the connection's timers: " + describe(e)), e);
            return 0;
        }
        org.apache.qpid.proton.amqp.transport.ErrorCondition local = engineConnection.getCondition();
        if (ioError == null && local != null && IDLE_TIMEOUT_EXPIRED.equals(local.getDescription())) {
            // the engine closed for a local idle timeout: report that, not the "connection aborted" it leaves behind
            ioError = Conditions.fromEngine(local);
        }
        return deadline;
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
        fail(new ErrorCondition("amqp:resource-limit-exceeded", "handshake timeout: the connection did not open within "
                + timeout.toMillis() + " ms (ConnectionOptions.handshakeTimeout)"), null);
    }

    /** Reports that the network connection is established: calls {@code onTransportOpen}. */
    public void transportOpened() {
        if (!transportOpened) {
            transportOpened = true;
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
        freeClosed();
        beforeCallbacks();
        Event e;
        while ((e = collector.peek()) != null) {
            try {
                adapter.handle(e);
            } catch (PeerViolation v) {
                fail(v.condition, null);
            } catch (RuntimeException ex) {
                if (ex == applicationFailure) {
                    throw ex;
                }
                fail(new ErrorCondition("amqp:internal-error", "cannot handle " + e.getType() + ": " + describe(ex)), ex);
            } finally {
                collector.pop();
            }
        }
        endOutputIfSpent();
        if (!transportClosed && !awaitingReconnect && transportEnded()) {
            ErrorCondition err = transportError();
            if (err == null && !aborted && unexpectedEnd()) {
                // the transport ended (a TLS layer gives up quietly, for one) with the connection still wanted
                tlsHandshakeFailed = tls.configured()
                        && engineConnection.getRemoteState() == org.apache.qpid.proton.engine.EndpointState.UNINITIALIZED;
                endedUnexpectedly = !tlsHandshakeFailed;
                ioError = err = new ErrorCondition("amqp:connection:framing-error", tlsHandshakeFailed
                        ? "TLS handshake failed: " + tls.failure()
                        : engineConnection.getRemoteState() == org.apache.qpid.proton.engine.EndpointState.UNINITIALIZED
                        ? "connection aborted before the peer opened it" : "connection ended unexpectedly");
            }
            if (err != null && !aborted && !sasl.authenticationFailed() && host.reconnectAfter(err)) {
                awaitingReconnect = true; // no callbacks for a transport that is being replaced
                return;
            }
            transportClosed = true;
            if (sasl.required() && !sasl.authenticated()) {
                return; // a client that never authenticated: the listener's handler never heard of it
            }
            io.jproton.MessagingHandler h = connection.handler();
            if (err != null) {
                h.onTransportError(transportApi);
            }
            h.onTransportClose(transportApi);
        }
    }

    /**
     * @return true if {@link #dispatch()} has callbacks to run
     */
    public boolean needsDispatch() {
        return collector.peek() != null
                || (!transportClosed && !awaitingReconnect && (transportEnded() || inputIsClosed() && pending() == 0));
    }

    /** Runs {@code onConnectionWake}. */
    public void wakeCallback() {
        connection.handler().onConnectionWake(connection);
    }

    /**
     * @return true once the transport has closed and its last callback has run
     */
    public boolean finished() {
        return transportClosed;
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
