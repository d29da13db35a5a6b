package io.jproton.internal.io;

import io.jproton.ErrorCondition;
import io.jproton.internal.engine.ConnectionDriver;
import io.jproton.internal.engine.Loggers;
import io.jproton.internal.events.ConnectionJfr;
import java.net.InetSocketAddress;

/**
 * What one socket connection's life tells the outside: SLF4J lines (under the areas of
 * {@link Loggers}), JFR events ({@link ConnectionJfr}) and the connection's part of the metrics
 * gauges. Its {@link SocketConnection} calls it at each step; it decides levels and wording, and
 * never logs a secret (peers are host:port, users are names).
 *
 * <p>JFR events are made only where the runtime has the module {@code jdk.jfr} and Flight Recorder
 * is initialized (a recording was started, with {@code -XX:StartFlightRecording}, {@code jcmd
 * JFR.start} or the API): the first use of an event class costs about 0.1 s of CPU even when
 * nothing records, which an application that never records should not pay, and a jlinked runtime
 * may have no {@code jdk.jfr} at all. Connections that began before the recording are not in it.
 *
 * <p>Thread-safety: confined to its connection's context, as the connection.
 */
final class ConnectionEvents {
    private static final String IO_ERROR = "proton:io";
    private static final String AUTHENTICATION = "amqp:unauthorized-access";
    /** Whether the runtime has Flight Recorder at all (no class of {@code jdk.jfr} is touched otherwise). */
    private static final boolean JFR_PRESENT = ModuleLayer.boot().findModule("jdk.jfr").isPresent();
    private final ConnectionDriver driver;
    private boolean accepted;
    /** host:port the socket connects (or connected) to. */
    private String peer;
    private InetSocketAddress local;
    private boolean opened;
    private ConnectionJfr jfr;

    ConnectionEvents(ConnectionDriver driver) {
        this.driver = driver;
    }

    private static boolean recording() {
        return JFR_PRESENT && ConnectionJfr.recording();
    }

    /** @return host:port of the peer, or where the connection is connecting to; "?" before either */
    String peer() {
        return peer != null ? peer : "?";
    }

    /** @return how log lines name this connection */
    String describe() {
        return "connection " + (accepted ? "from " : "to ") + peer();
    }

    private String containerId() {
        return driver.container().id();
    }

    /** A client socket starts connecting (first time or after a loss). */
    void connecting(String host, int port) {
        peer = host + ":" + port;
        begin();
    }

    /** A listener handed over an accepted socket. */
    void accepting() {
        accepted = true;
        begin();
    }

    private void begin() {
        opened = false;
        if (jfr == null && recording()) {
            jfr = new ConnectionJfr();
        }
        if (jfr != null) {
            jfr.connecting();
        }
    }

    /** The socket is connected. */
    void connected(InetSocketAddress peerAddress, InetSocketAddress localAddress) {
        if (peerAddress != null) {
            peer = peerAddress.getHostString() + ":" + peerAddress.getPort();
        }
        local = localAddress;
        if (Loggers.TRANSPORT.isDebugEnabled()) {
            Loggers.TRANSPORT.debug(accepted ? "accepted a connection from {} on {} (container {})"
                    : "connected to {} from {} (container {})", peer(), local, containerId());
        }
    }

    /**
     * The AMQP connection is open at both ends; called on every processing round, acts once per transport.
     *
     * @param reconnectAttempts the attempts it took since the loss (or since the first connect failed); 0 if none
     */
    void opened(int reconnectAttempts) {
        if (opened) {
            return;
        }
        opened = true;
        if (driver.metrics() != null) {
            driver.metrics().opened();
            if (reconnectAttempts > 0) {
                driver.metrics().reconnected();
            }
        }
        String tls = driver.tlsSummary();
        Loggers.CONNECTION.debug("{}: open, local {}, container {}", describe(), local, containerId());
        if (tls != null) {
            Loggers.TLS.debug("{}: TLS {}", describe(), tls);
        }
        if (reconnectAttempts > 0) {
            Loggers.RECONNECT.info("{}: reconnected after {} attempt(s)", describe(), reconnectAttempts);
        }
        if (jfr != null) {
            jfr.opened(containerId(), peer, String.valueOf(local), accepted, tls, reconnectAttempts);
        }
    }

    /** The transport was lost and a reconnect attempt is scheduled. */
    void reconnecting(ErrorCondition error, Reconnection.Attempt next) {
        if (jfr != null) {
            jfr.reconnecting(String.valueOf(error));
        }
        Loggers.RECONNECT.info("{}: transport lost ({}); reconnect attempt {} to {} in {} ms", describe(), error,
                next.number(), next.target(), next.delay().toMillis());
    }

    /** The transport was lost and no more reconnect attempts are allowed. */
    void gaveUp(ErrorCondition error, int attempts) {
        Loggers.RECONNECT.warn("{}: giving up reconnecting after {} attempts (ReconnectOptions.maxAttempts): {}",
                describe(), attempts, error);
        if (jfr != null) {
            jfr.gaveUp();
        }
    }

    /** The connection's last callback has run: it is closed for good. */
    void closed() {
        if (driver.metrics() != null) {
            driver.metrics().closed();
        }
        ErrorCondition error = driver.transportError();
        boolean remote = false;
        if (error == null) {
            error = driver.remoteCondition();
            remote = error != null;
        }
        String name = error == null ? null : error.name();
        if (error == null) {
            Loggers.CONNECTION.debug("{}: closed, local {}, container {}", describe(), local, containerId());
        } else if (IO_ERROR.equals(name) || driver.io().endedUnexpectedly()) {
            // the socket failed or the peer went away without a close: a lost transport, not a protocol error
            Loggers.CONNECTION.debug("{}: closed, local {}, container {}: {}", describe(), local, containerId(), error);
        } else if (AUTHENTICATION.equals(name)) {
            Loggers.SASL.info("{}: {}", describe(), error.description());
        } else if (driver.io().tlsHandshakeFailed()) {
            Loggers.TLS.info("{}: {}", describe(), error.description());
        } else {
            if (!driver.io().failedByUs()) { // what we detected ourselves was logged as the connection closed
                Loggers.CONNECTION.warn("{}: closed {} {}", describe(), remote ? "by the peer with" : "with", error);
            }
            if (recording()) {
                ConnectionJfr.protocolError(containerId(), peer, name, error.description(), remote);
            }
        }
        if (jfr != null) {
            jfr.closed(containerId(), peer, String.valueOf(local), accepted, name, error == null ? null : error.description());
            jfr = null;
        }
    }
}
