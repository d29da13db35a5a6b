package io.jproton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options for a connection, as {@code proton::connection_options}. Fields left unset take the
 * container's defaults ({@link Container#clientConnectionOptions} / {@link Container#serverConnectionOptions}).
 *
 * <p>Security defaults, as Proton C++: a client chooses its SASL mechanism from those the server
 * offers, among {@link #saslAllowedMechs(String) the allowed ones} (SCRAM before PLAIN), and
 * never sends a password in clear without TLS unless {@link #saslAllowInsecureMechs(boolean)}
 * says so; an {@code amqps} client checks the server's certificate and name
 * ({@link SslVerifyMode#VERIFY_PEER_NAME}). A listener without an {@link #authenticator(Authenticator)}
 * accepts anyone (ANONYMOUS); with one, it requires authentication.
 *
 * <p>Thread-safety: not thread-safe; a plain value that is copied when used. {@link #toString()}
 * never shows the password.
 *
 * <p>Size: about 600 lines, one idea: each of C++'s {@code connection_options} and jproton's limits
 * is a setter and a getter with its Javadoc (units, default, errors), plus the copy and merge.
 */
public final class ConnectionOptions {
    private MessagingHandler handler;
    private String user;
    private String password;
    private String containerId;
    private String virtualHost;
    private Integer maxFrameSize;
    private Integer maxSessions;
    private Duration idleTimeout;
    private Boolean saslEnabled;
    private String saslAllowedMechs;
    private Boolean saslAllowInsecureMechs;
    private Authenticator authenticator;
    private Map<String, Object> properties;
    private List<String> offeredCapabilities;
    private List<String> desiredCapabilities;
    private ReconnectOptions reconnect;
    private SslClientOptions sslClientOptions;
    private SslServerOptions sslServerOptions;
    private List<String> failoverUrls;
    private String reconnectUrl;
    private Integer maxLinks;
    private Long maxMessageSize;
    private Integer maxUnsettled;
    private Duration handshakeTimeout;
    private Integer maxConnections;

    /**
     * The default of {@link #maxSessions(int)}: channel-max 4095 advertised (Proton C++ advertises
     * 32767; proton-j finds a free channel by a linear scan, so a flood of 32768 sessions would
     * cost the connection's loop about 5 s of CPU, 4096 about 0.3 s).
     */
    public static final int DEFAULT_MAX_SESSIONS = 4096;
    /** The default of {@link #maxLinks(int)} (proton-j finds a free handle by a linear scan too: 4096 links on one session cost about 0.6 s of CPU). */
    public static final int DEFAULT_MAX_LINKS = 4096;
    /** The default of {@link #maxMessageSize(long)}: 16 MiB. */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 16L << 20;
    /** The default of {@link #maxUnsettled(int)}. */
    public static final int DEFAULT_MAX_UNSETTLED = 10_000;
    /** The default of {@link #handshakeTimeout(Duration)}: 60 seconds. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(60);
    /** The default of {@link #maxConnections(int)}. */
    public static final int DEFAULT_MAX_CONNECTIONS = 4096;

    /** Empty options. */
    public ConnectionOptions() {}

    /**
     * @param other options to copy
     */
    public ConnectionOptions(ConnectionOptions other) {
        update(other);
    }

    /**
     * Copies every field that {@code other} sets into these options (C++ {@code update}).
     *
     * @param other the options whose set fields win; may be null
     * @return this
     */
    public ConnectionOptions update(ConnectionOptions other) {
        if (other == null) {
            return this;
        }
        if (other.handler != null) handler = other.handler;
        if (other.user != null) user = other.user;
        if (other.password != null) password = other.password;
        if (other.containerId != null) containerId = other.containerId;
        if (other.virtualHost != null) virtualHost = other.virtualHost;
        if (other.maxFrameSize != null) maxFrameSize = other.maxFrameSize;
        if (other.maxSessions != null) maxSessions = other.maxSessions;
        if (other.idleTimeout != null) idleTimeout = other.idleTimeout;
        if (other.saslEnabled != null) saslEnabled = other.saslEnabled;
        if (other.saslAllowedMechs != null) saslAllowedMechs = other.saslAllowedMechs;
        if (other.saslAllowInsecureMechs != null) saslAllowInsecureMechs = other.saslAllowInsecureMechs;
        if (other.authenticator != null) authenticator = other.authenticator;
        if (other.properties != null) properties = new LinkedHashMap<>(other.properties);
        if (other.offeredCapabilities != null) offeredCapabilities = new ArrayList<>(other.offeredCapabilities);
        if (other.desiredCapabilities != null) desiredCapabilities = new ArrayList<>(other.desiredCapabilities);
        if (other.reconnect != null) reconnect = new ReconnectOptions(other.reconnect);
        if (other.failoverUrls != null) failoverUrls = new ArrayList<>(other.failoverUrls);
        if (other.reconnectUrl != null) reconnectUrl = other.reconnectUrl;
        if (other.sslClientOptions != null) sslClientOptions = other.sslClientOptions;
        if (other.sslServerOptions != null) sslServerOptions = other.sslServerOptions;
        if (other.maxLinks != null) maxLinks = other.maxLinks;
        if (other.maxMessageSize != null) maxMessageSize = other.maxMessageSize;
        if (other.maxUnsettled != null) maxUnsettled = other.maxUnsettled;
        if (other.handshakeTimeout != null) handshakeTimeout = other.handshakeTimeout;
        if (other.maxConnections != null) maxConnections = other.maxConnections;
        return this;
    }

    /**
     * @param handler the handler for this connection's events, instead of the container's
     * @return this
     */
    public ConnectionOptions handler(MessagingHandler handler) {
        this.handler = handler;
        return this;
    }

    /**
     * The user a client authenticates as (C++ {@code user}); a URL's user-info sets it too.
     *
     * @param user the SASL user name
     * @return this
     */
    public ConnectionOptions user(String user) {
        this.user = user;
        return this;
    }

    /**
     * The client's password (C++ {@code password}), for SCRAM or PLAIN, whichever the server offers
     * and the client allows; PLAIN only over TLS unless {@link #saslAllowInsecureMechs(boolean)}.
     * Never shown by {@link #toString()}, logged or traced.
     *
     * @param password the SASL password
     * @return this
     */
    public ConnectionOptions password(String password) {
        this.password = password;
        return this;
    }

    /**
     * @param id the container id to send in the open frame
     * @return this
     */
    public ConnectionOptions containerId(String id) {
        this.containerId = id;
        return this;
    }

    /**
     * @param host the virtual host (open frame hostname)
     * @return this
     */
    public ConnectionOptions virtualHost(String host) {
        this.virtualHost = host;
        return this;
    }

    /**
     * The largest frame this end accepts (default 65,535), as C++ {@code connection_options::max_frame_size}.
     * It sizes the engine's frame buffers, so it belongs in the options a connection is made with
     * ({@link Container#connect}, a listener's {@code onAccept}, a {@link ConnectionEngine}). Given
     * later to {@link Connection#open(ConnectionOptions)} (in {@code onConnectionOpen}, as C++
     * code does) it applies while this end's open frame has not gone out and the size is not
     * larger than the one the connection was made with (frames up to that one are still taken);
     * otherwise it is ignored with a warning on logger {@code io.jproton.connection}. An idle
     * connection gives its frame buffers back after a second without I/O, whatever this size.
     *
     * @param bytes the largest frame to accept, at least 512
     * @return this
     */
    public ConnectionOptions maxFrameSize(int bytes) {
        if (bytes < 512) {
            throw new IllegalArgumentException("max frame size must be at least 512 bytes, got " + bytes);
        }
        this.maxFrameSize = bytes;
        return this;
    }

    /**
     * The most sessions the peer may begin at once: channel-max {@code count - 1} is advertised in
     * the open frame, and a begin on a higher channel closes the connection with
     * {@code amqp:connection:framing-error}, as Proton C++ does. Unset: {@value #DEFAULT_MAX_SESSIONS}
     * (channel-max 4095; see {@link #DEFAULT_MAX_SESSIONS} for why not C++'s 32767).
     *
     * @param count the most sessions (channel max + 1), 1 to 65536
     * @return this
     * @throws IllegalArgumentException if {@code count} is out of range
     */
    public ConnectionOptions maxSessions(int count) {
        if (count < 1 || count > 65536) {
            throw new IllegalArgumentException("max sessions must be 1 to 65536, got " + count);
        }
        this.maxSessions = count;
        return this;
    }

    /**
     * The idle timeout, as C++ {@code connection_options::idle_timeout}: the connection closes with
     * {@code amqp:resource-limit-exceeded} ("local-idle-timeout expired") when nothing at all has
     * arrived from the peer for this long. Half of it is advertised to the peer in the open frame
     * (the AMQP recommendation, as Proton C++), so a live peer sends at least an empty frame within
     * a quarter of it. Independently, this end sends an empty frame at half the timeout the peer
     * advertised whenever it has sent nothing else for that long.
     *
     * @param timeout the idle timeout, millisecond precision; zero for none (the default)
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public ConnectionOptions idleTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("idle timeout must not be negative: " + timeout);
        }
        this.idleTimeout = timeout;
        return this;
    }

    /**
     * Whether to use a SASL layer, as C++ {@code sasl_enabled} (default true). A listener with an
     * {@link #authenticator(Authenticator)} uses SASL whatever this says.
     *
     * @param enabled whether to use a SASL layer
     * @return this
     */
    public ConnectionOptions saslEnabled(boolean enabled) {
        this.saslEnabled = enabled;
        return this;
    }

    /**
     * The SASL mechanisms this end may use, as C++ {@code sasl_allowed_mechs}. A client picks,
     * among those the server offers and this list allows, the first it can use of EXTERNAL (with a
     * TLS client certificate), SCRAM-SHA-512, SCRAM-SHA-256, PLAIN and ANONYMOUS; if none, the
     * connection fails with {@code amqp:unauthorized-access} naming both lists. A listener offers
     * only mechanisms in this list. Unset: every mechanism jproton speaks.
     *
     * @param mechs space-separated mechanism names, any case, such as "SCRAM-SHA-256 PLAIN"
     * @return this
     */
    public ConnectionOptions saslAllowedMechs(String mechs) {
        this.saslAllowedMechs = mechs;
        return this;
    }

    /**
     * Whether mechanisms that send the password in clear (PLAIN) may be used on a connection
     * without TLS, as C++ {@code sasl_allow_insecure_mechs}. Default false: a client then never
     * sends PLAIN without TLS, and a listener never offers it. SCRAM does not send the password and
     * is always allowed.
     *
     * @param allow true to allow PLAIN without TLS
     * @return this
     */
    public ConnectionOptions saslAllowInsecureMechs(boolean allow) {
        this.saslAllowInsecureMechs = allow;
        return this;
    }

    /**
     * How a listener authenticates its clients (server side; see {@link Authenticator}). Set it in
     * a listener's options, the options its {@code onAccept} returns, or the container's server
     * defaults. Unset: any client is accepted, as by a Proton C++ listener without a SASL configuration.
     *
     * @param authenticator the authenticator, such as a {@link UserStore}
     * @return this
     */
    public ConnectionOptions authenticator(Authenticator authenticator) {
        this.authenticator = authenticator;
        return this;
    }

    /**
     * @return the authenticator, or null if unset
     */
    public Authenticator authenticator() {
        return authenticator;
    }

    /**
     * @param properties connection properties to send (keys sent as symbols)
     * @return this
     */
    public ConnectionOptions properties(Map<String, Object> properties) {
        this.properties = new LinkedHashMap<>(properties);
        return this;
    }

    /**
     * @param caps capabilities to offer
     * @return this
     */
    public ConnectionOptions offeredCapabilities(List<String> caps) {
        this.offeredCapabilities = new ArrayList<>(caps);
        return this;
    }

    /**
     * @param caps capabilities to ask for
     * @return this
     */
    public ConnectionOptions desiredCapabilities(List<String> caps) {
        this.desiredCapabilities = new ArrayList<>(caps);
        return this;
    }

    /**
     * @param options reconnect after the connection is lost (client connections only)
     * @return this
     */
    public ConnectionOptions reconnect(ReconnectOptions options) {
        this.reconnect = new ReconnectOptions(options);
        return this;
    }

    /**
     * As C++ {@code connection_options::reconnect_url}: where to reconnect once the connection to
     * its URL is lost, instead of that URL. Setting it turns reconnect on with the default
     * {@link ReconnectOptions} unless {@link #reconnect(ReconnectOptions)} says otherwise. Set with
     * {@link Connection#updateOptions} (in {@code onTransportError}, say), it applies to the next
     * attempt. Together with {@link #failoverUrls(List)} the reconnect URL is tried first, then the
     * failover URLs in turn (C++ leaves that undefined).
     *
     * @param url the URL to reconnect to
     * @return this
     */
    public ConnectionOptions reconnectUrl(String url) {
        this.reconnectUrl = url;
        return this;
    }

    /**
     * @return the reconnect URL, or null if unset
     */
    public String reconnectUrl() {
        return reconnectUrl;
    }

    /**
     * As C++ {@code connection_options::failover_urls}: more URLs to try, in turn after the first,
     * when reconnecting. Setting them turns reconnect on with the default {@link ReconnectOptions}
     * unless {@link #reconnect(ReconnectOptions)} says otherwise.
     *
     * @param urls more URLs to try, in turn after the first, when reconnecting
     * @return this
     */
    public ConnectionOptions failoverUrls(List<String> urls) {
        this.failoverUrls = new ArrayList<>(urls);
        return this;
    }

    /**
     * @param options TLS for outgoing connections ({@code amqps} URLs use the JVM's default trust without this)
     * @return this
     */
    public ConnectionOptions sslClientOptions(SslClientOptions options) {
        this.sslClientOptions = options;
        return this;
    }

    /**
     * @param options TLS for accepted connections (an {@code amqps} listener needs them)
     * @return this
     */
    public ConnectionOptions sslServerOptions(SslServerOptions options) {
        this.sslServerOptions = options;
        return this;
    }

    /**
     * The most links the peer may have attached at once on this connection, all sessions together
     * (links this end opens count too). An attach beyond it closes the connection with
     * {@code amqp:resource-limit-exceeded}. Bounds the memory one peer can make the connection hold
     * (about 1.5 KiB per link) and the CPU proton-j spends attaching them. Unset: {@value #DEFAULT_MAX_LINKS}.
     *
     * @param count the most attached links, at least 1
     * @return this
     * @throws IllegalArgumentException if {@code count < 1}
     */
    public ConnectionOptions maxLinks(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("max links must be at least 1, got " + count);
        }
        this.maxLinks = count;
        return this;
    }

    /**
     * The largest message this end accepts, in bytes of its encoding: advertised as
     * {@code max-message-size} on every receiving link's attach, and enforced as the message
     * arrives, frame by frame: a delivery that grows past it is dropped (its further bytes are not
     * kept) and its link is closed with {@code amqp:link:message-size-exceeded}; the connection
     * goes on. All incomplete incoming messages of one connection together may not hold more than
     * this either, or the connection closes with {@code amqp:resource-limit-exceeded}. Messages
     * this end sends are not limited by it. Unset: {@value #DEFAULT_MAX_MESSAGE_SIZE} bytes (16 MiB);
     * 0 for no limit (Proton C++'s behaviour: a peer can then make the connection hold any amount).
     *
     * @param bytes the largest message in bytes, 0 for no limit
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public ConnectionOptions maxMessageSize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("max message size must not be negative, got " + bytes);
        }
        this.maxMessageSize = bytes;
        return this;
    }

    /**
     * The most unsettled deliveries one link holds. A receiver stops granting credit (its credit
     * window is not topped up, {@link Receiver#addCredit} still works) while it holds this many
     * deliveries that it has not settled; a sender's {@link Sender#credit()} counts only the room
     * below it, and {@code onSendable} waits for the peer to settle. So a peer that never settles
     * cannot make the connection hold deliveries without bound. Unset: {@value #DEFAULT_MAX_UNSETTLED}.
     *
     * @param count the most unsettled deliveries per link, at least 1
     * @return this
     * @throws IllegalArgumentException if {@code count < 1}
     */
    public ConnectionOptions maxUnsettled(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("max unsettled must be at least 1, got " + count);
        }
        this.maxUnsettled = count;
        return this;
    }

    /**
     * How long a connection may take to open: from the TCP connection (or accept) until the
     * peer's AMQP open frame has arrived, TLS and SASL included. A connection that takes longer is
     * closed with {@code amqp:resource-limit-exceeded} ("handshake timeout") and
     * {@code onTransportError}. Unset: 60 seconds; zero for none.
     *
     * @param timeout the handshake timeout, millisecond precision; zero for none
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public ConnectionOptions handshakeTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("handshake timeout must not be negative: " + timeout);
        }
        this.handshakeTimeout = timeout;
        return this;
    }

    /**
     * A listener setting, read from the options given to {@link Container#listen(String, ConnectionOptions)}
     * (or {@link Container#listen(String, ListenHandler, ConnectionOptions)}, or the container's
     * {@link Container#serverConnectionOptions server defaults}) and ignored elsewhere: the most
     * connections the listener keeps open at once. A connection accepted beyond it is closed at
     * once, before any byte is read and without a callback (a warning is logged once a minute at
     * most). Unset: {@value #DEFAULT_MAX_CONNECTIONS}.
     *
     * @param count the most open connections per listener, at least 1
     * @return this
     * @throws IllegalArgumentException if {@code count < 1}
     */
    public ConnectionOptions maxConnections(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("max connections must be at least 1, got " + count);
        }
        this.maxConnections = count;
        return this;
    }

    /**
     * @return the most attached links, or null if unset ({@value #DEFAULT_MAX_LINKS})
     */
    public Integer maxLinks() { return maxLinks; }

    /**
     * @return the largest incoming message in bytes (0: no limit), or null if unset ({@value #DEFAULT_MAX_MESSAGE_SIZE})
     */
    public Long maxMessageSize() { return maxMessageSize; }

    /**
     * @return the most unsettled deliveries per link, or null if unset ({@value #DEFAULT_MAX_UNSETTLED})
     */
    public Integer maxUnsettled() { return maxUnsettled; }

    /**
     * @return the handshake timeout, or null if unset (60 seconds)
     */
    public Duration handshakeTimeout() { return handshakeTimeout; }

    /**
     * @return the most connections per listener, or null if unset ({@value #DEFAULT_MAX_CONNECTIONS})
     */
    public Integer maxConnections() { return maxConnections; }

    /**
     * @return the client TLS options, or null if unset
     */
    public SslClientOptions sslClientOptions() {
        return sslClientOptions;
    }

    /**
     * @return the server TLS options, or null if unset
     */
    public SslServerOptions sslServerOptions() {
        return sslServerOptions;
    }

    /**
     * @return the reconnect options, or null if unset (no reconnect)
     */
    public ReconnectOptions reconnect() {
        return reconnect;
    }

    /**
     * @return the failover URLs, or null if unset
     */
    public List<String> failoverUrls() {
        return failoverUrls;
    }

    /**
     * @return the handler, or null if unset
     */
    public MessagingHandler handler() { return handler; }
    /**
     * @return the user, or null if unset
     */
    public String user() { return user; }
    /**
     * @return the password, or null if unset
     */
    public String password() { return password; }
    /**
     * @return the container id, or null if unset
     */
    public String containerId() { return containerId; }
    /**
     * @return the virtual host, or null if unset
     */
    public String virtualHost() { return virtualHost; }
    /**
     * @return the max frame size, or null if unset
     */
    public Integer maxFrameSize() { return maxFrameSize; }
    /**
     * @return the max sessions, or null if unset
     */
    public Integer maxSessions() { return maxSessions; }
    /**
     * @return the idle timeout, or null if unset
     */
    public Duration idleTimeout() { return idleTimeout; }
    /**
     * @return whether SASL is enabled, or null if unset
     */
    public Boolean saslEnabled() { return saslEnabled; }
    /**
     * @return the allowed SASL mechanisms, or null if unset
     */
    public String saslAllowedMechs() { return saslAllowedMechs; }
    /**
     * @return whether insecure mechanisms are allowed, or null if unset
     */
    public Boolean saslAllowInsecureMechs() { return saslAllowInsecureMechs; }
    /**
     * @return the properties, or null if unset
     */
    public Map<String, Object> properties() { return properties; }
    /**
     * @return the offered capabilities, or null if unset
     */
    public List<String> offeredCapabilities() { return offeredCapabilities; }
    /**
     * @return the desired capabilities, or null if unset
     */
    public List<String> desiredCapabilities() { return desiredCapabilities; }

    /** @return the options that are set; the password as {@code ****}, never its value */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("connection-options(");
        String sep = "";
        Object[][] fields = {{"user", user}, {"password", password == null ? null : "****"}, {"containerId", containerId},
            {"virtualHost", virtualHost}, {"maxFrameSize", maxFrameSize}, {"maxSessions", maxSessions},
            {"idleTimeout", idleTimeout}, {"saslEnabled", saslEnabled}, {"saslAllowedMechs", saslAllowedMechs},
            {"saslAllowInsecureMechs", saslAllowInsecureMechs}, {"authenticator", authenticator}, {"reconnect", reconnect},
            {"failoverUrls", failoverUrls == null ? null
                : failoverUrls.stream().map(io.jproton.internal.container.Url::redact).toList()}, {"sslClientOptions", sslClientOptions}, {"sslServerOptions", sslServerOptions},
            {"handler", handler == null ? null : handler.getClass().getName()}};
        for (Object[] f : fields) {
            if (f[1] != null) {
                b.append(sep).append(f[0]).append('=').append(f[1]);
                sep = ", ";
            }
        }
        return b.append(')').toString();
    }
}
