package io.jproton.internal.engine;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.ErrorCondition;
import io.jproton.WorkQueue;
import io.jproton.internal.codec.GrowableBuffer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.engine.Collector;
import org.apache.qpid.proton.engine.Event;
import org.apache.qpid.proton.engine.Sasl;
import org.apache.qpid.proton.engine.SaslListener;
import org.apache.qpid.proton.engine.TransportException;
import org.apache.qpid.proton.engine.impl.FrameHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.jproton.internal.tls.SessionCapturingContext;
import io.jproton.internal.tls.TlsContexts;

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
    private static final Logger LOG = LoggerFactory.getLogger("io.jproton.connection");
    /** proton-j's description when it closes a connection whose peer fell silent. */
    private static final String IDLE_TIMEOUT_EXPIRED = "local-idle-timeout expired";
    private final ContainerContext container;
    private final ConnectionOptions options;
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
    /** The current transport's TLS context, remembering its engine; null without TLS. */
    private SessionCapturingContext tls;
    /** The SASL mechanism this side chose or was offered by the client, and the user it authenticated. */
    String saslMech;

    /**
     * @param container the container
     * @param options the connection's options, container defaults already merged in
     * @param server true for an accepted connection, false for one we connect
     * @param host who runs this driver
     */
    public ConnectionDriver(ContainerContext container, ConnectionOptions options, boolean server, DriverHost host) {
        EngineLogging.install();
        this.container = container;
        this.server = server;
        this.host = host;
        this.options = options;
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
        transport.setChannelMax(ConnectionOptions.DEFAULT_MAX_SESSIONS - 1); // as Proton C++: 32767, unless the options say otherwise
        applyTransportOptions(options);
        idleBuffers = new IdleBuffers(); // innermost: right on proton-j's frame parser and output
        ((org.apache.qpid.proton.engine.impl.TransportInternal) transport).addTransportLayer(idleBuffers);
        // proton-j stacks each layer on the ones set up before it: SASL first, so that TLS is the
        // outermost layer and SASL (PLAIN passwords too) runs inside it, as in every other AMQP stack
        if (!Boolean.FALSE.equals(options.saslEnabled())) {
            configureSasl(options);
        }
        configureSsl();
    }

    /** Puts TLS under the transport when the options ask for it (amqps URLs do). */
    private void configureSsl() {
        tls = null;
        if (server) {
            io.jproton.SslServerOptions so = options.sslServerOptions();
            if (so != null) {
                transport.ssl(tlsDomain(org.apache.qpid.proton.engine.SslDomain.Mode.SERVER, TlsContexts.of(so),
                        verifyMode(so.verifyMode())));
            }
        } else {
            io.jproton.SslClientOptions co = options.sslClientOptions();
            if (co != null) {
                org.apache.qpid.proton.engine.SslDomain domain = tlsDomain(org.apache.qpid.proton.engine.SslDomain.Mode.CLIENT,
                        TlsContexts.of(co), TlsContexts.checksServerName(co)
                                ? org.apache.qpid.proton.engine.SslDomain.VerifyMode.VERIFY_PEER // our trust manager checks the name
                                : verifyMode(co.verifyMode()));
                String host = options.virtualHost() != null ? options.virtualHost() : "localhost";
                transport.ssl(domain, Proton.sslPeerDetails(host, 0));
            }
        }
    }

    /** A TLS domain on the context, which is kept (as {@link #tls}) to read the engine's session later. */
    private org.apache.qpid.proton.engine.SslDomain tlsDomain(org.apache.qpid.proton.engine.SslDomain.Mode mode,
            javax.net.ssl.SSLContext context, org.apache.qpid.proton.engine.SslDomain.VerifyMode verify) {
        org.apache.qpid.proton.engine.SslDomain domain = Proton.sslDomain();
        domain.init(mode);
        tls = SessionCapturingContext.wrap(context);
        domain.setSslContext(tls);
        domain.setPeerAuthentication(verify);
        return domain;
    }

    /**
     * @return the TLS engine of the current transport, or null without TLS
     */
    javax.net.ssl.SSLEngine tlsEngine() {
        return tls == null ? null : tls.engine();
    }

    private static org.apache.qpid.proton.engine.SslDomain.VerifyMode verifyMode(io.jproton.SslVerifyMode m) {
        return switch (m) {
            case VERIFY_PEER_NAME -> org.apache.qpid.proton.engine.SslDomain.VerifyMode.VERIFY_PEER_NAME;
            case VERIFY_PEER -> org.apache.qpid.proton.engine.SslDomain.VerifyMode.VERIFY_PEER;
            case ANONYMOUS_PEER -> org.apache.qpid.proton.engine.SslDomain.VerifyMode.ANONYMOUS_PEER;
        };
    }

    /**
     * Starts over on a new transport after the old one was lost (reconnect): new engine objects,
     * the same public connection, and every session and link that was open opened again.
     */
    public void reset() {
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

    private boolean tlsConfigured() {
        return server ? options.sslServerOptions() != null : options.sslClientOptions() != null;
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
                throw new IllegalStateException("maxFrameSize cannot change once the connection exists: give it in the options"
                        + " the connection is made with (Container.connect, a listener's onAccept, the ConnectionEngine)", e);
            }
        }
        if (o.maxSessions() != null) transport.setChannelMax(o.maxSessions() - 1);
        if (o.idleTimeout() != null) transport.setIdleTimeout((int) o.idleTimeout().toMillis());
    }

    private void configureSasl(ConnectionOptions o) {
        Sasl sasl = transport.sasl();
        String allowed = o.saslAllowedMechs();
        if (server) {
            sasl.server();
            sasl.allowSkip(true);
            sasl.setMechanisms(allowed != null ? allowed.trim().split("\\s+") : new String[] {"ANONYMOUS", "PLAIN"});
            sasl.setListener(new ServerSasl());
        } else if (o.user() != null && o.password() != null
                && (allowed == null || allowed.contains("PLAIN"))) {
            sasl.plain(o.user(), o.password());
            saslMech = "PLAIN";
        } else if (allowed != null && allowed.contains("EXTERNAL")) {
            sasl.client();
            sasl.setMechanisms("EXTERNAL"); // the TLS client certificate is the credential
            saslMech = "EXTERNAL";
        } else {
            sasl.client();
            sasl.setMechanisms("ANONYMOUS");
            saslMech = "ANONYMOUS";
        }
    }

    /**
     * Accepts every client (jproton checks no passwords, like the C++ examples' brokers) and records
     * the user; EXTERNAL succeeds only with a verified TLS client certificate, whose subject is the user.
     */
    private final class ServerSasl implements SaslListener {
        @Override
        public void onSaslInit(Sasl sasl, org.apache.qpid.proton.engine.Transport t) {
            byte[] response = new byte[Math.max(0, sasl.pending())];
            sasl.recv(response, 0, response.length);
            String[] mech = sasl.getRemoteMechanisms();
            saslMech = mech.length > 0 ? mech[0] : null;
            if ("PLAIN".equals(saslMech)) {
                String[] parts = new String(response, StandardCharsets.UTF_8).split("\0", -1);
                if (parts.length >= 2) connection.user = parts[1];
            } else if ("ANONYMOUS".equals(saslMech)) {
                connection.user = "anonymous";
            } else if ("EXTERNAL".equals(saslMech)) {
                String subject = verifiedPeerSubject();
                if (subject == null) {
                    sasl.done(Sasl.SaslOutcome.PN_SASL_AUTH); // no verified client certificate: no identity
                    return;
                }
                connection.user = subject;
            }
            sasl.done(Sasl.SaslOutcome.PN_SASL_OK);
        }

        @Override
        public void onSaslMechanisms(Sasl sasl, org.apache.qpid.proton.engine.Transport t) {}

        @Override
        public void onSaslChallenge(Sasl sasl, org.apache.qpid.proton.engine.Transport t) {}

        @Override
        public void onSaslResponse(Sasl sasl, org.apache.qpid.proton.engine.Transport t) {}

        @Override
        public void onSaslOutcome(Sasl sasl, org.apache.qpid.proton.engine.Transport t) {}
    }

    /** @return why the TLS handshake failed, as well as we know */
    private String tlsFailure() {
        String why = TlsContexts.failure(tlsEngine());
        return why != null ? why : "the peer's certificate is not trusted, or the peer does not speak TLS";
    }

    /** @return the subject of the peer's verified TLS certificate, or null if it presented none */
    String verifiedPeerSubject() {
        javax.net.ssl.SSLEngine engine = tlsEngine();
        if (engine == null) {
            return null;
        }
        try {
            return engine.getSession().getPeerPrincipal().getName();
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /** @return the SASL outcome of the current transport, NONE without SASL */
    io.jproton.Sasl.Outcome saslOutcome() {
        if (Boolean.FALSE.equals(options.saslEnabled())) {
            return io.jproton.Sasl.Outcome.NONE;
        }
        return switch (transport.sasl().getOutcome()) {
            case PN_SASL_OK -> io.jproton.Sasl.Outcome.OK;
            case PN_SASL_AUTH -> io.jproton.Sasl.Outcome.AUTH;
            case PN_SASL_SYS -> io.jproton.Sasl.Outcome.SYS;
            case PN_SASL_PERM -> io.jproton.Sasl.Outcome.PERM;
            case PN_SASL_TEMP -> io.jproton.Sasl.Outcome.TEMP;
            default -> io.jproton.Sasl.Outcome.NONE;
        };
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

    ErrorCondition transportError() {
        if (ioError != null || aborted) {
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
                ioError = err = new ErrorCondition("amqp:connection:framing-error", tlsConfigured()
                        && engineConnection.getRemoteState() == org.apache.qpid.proton.engine.EndpointState.UNINITIALIZED
                        ? "TLS handshake failed: " + tlsFailure()
                        : engineConnection.getRemoteState() == org.apache.qpid.proton.engine.EndpointState.UNINITIALIZED
                        ? "connection aborted before the peer opened it" : "connection ended unexpectedly");
            }
            if (err != null && !aborted && host.reconnectAfter(err)) {
                awaitingReconnect = true; // no callbacks for a transport that is being replaced
                return;
            }
            transportClosed = true;
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
