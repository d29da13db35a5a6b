package io.jproton.internal.events;

/**
 * One connection's JFR events, begun and committed as its life goes on. The only class outside
 * the event classes that touches {@code jdk.jfr}: the caller makes one only where the module
 * {@code jdk.jfr} is in the runtime (a jlinked runtime may leave it out) and Flight Recorder is
 * initialized ({@link #recording()}), so that neither a missing module nor the first use of an
 * event class (about 0.1 s of CPU) costs an application that never records anything.
 *
 * <p>Thread-safety: confined to its connection's context.
 */
public final class ConnectionJfr {
    private ConnectionOpenedEvent opening;
    private ConnectionClosedEvent life;
    private ReconnectEvent reconnect;

    /** @return true once Flight Recorder is initialized (a recording was started, from the command line, jcmd or the API) */
    public static boolean recording() {
        return jdk.jfr.FlightRecorder.isInitialized();
    }

    /** A socket starts connecting, or was accepted: the open event's clock starts, and the life's once. */
    public void connecting() {
        opening = new ConnectionOpenedEvent();
        opening.begin();
        if (life == null) {
            life = new ConnectionClosedEvent();
            life.begin();
        }
    }

    /**
     * The AMQP connection is open: commits the open event, and the reconnect event if one began.
     *
     * @param containerId the container id
     * @param peer host:port of the peer
     * @param local the local address
     * @param accepted whether a listener accepted it
     * @param tls the TLS summary, or null
     * @param reconnectAttempts attempts since the loss (0: not a reconnect)
     */
    public void opened(String containerId, String peer, String local, boolean accepted, String tls, int reconnectAttempts) {
        if (opening != null && opening.shouldCommit()) {
            opening.end();
            opening.containerId = containerId;
            opening.peer = peer;
            opening.local = local;
            opening.accepted = accepted;
            opening.tls = tls;
            opening.commit();
        }
        opening = null;
        if (reconnectAttempts > 0 && reconnect != null && reconnect.shouldCommit()) {
            reconnect.end();
            reconnect.containerId = containerId;
            reconnect.peer = peer;
            reconnect.attempts = reconnectAttempts;
            reconnect.commit();
        }
        reconnect = null;
    }

    /** @param cause the error the transport was lost with: a reconnect begins (once per loss) */
    public void reconnecting(String cause) {
        if (reconnect == null) {
            reconnect = new ReconnectEvent();
            reconnect.begin();
            reconnect.cause = cause;
        }
    }

    /** No more attempts: the reconnect never completes. */
    public void gaveUp() {
        reconnect = null;
    }

    /**
     * The connection has ended: commits its life.
     *
     * @param containerId the container id
     * @param peer host:port of the peer
     * @param local the local address
     * @param accepted whether a listener accepted it
     * @param condition the error condition's name, or null
     * @param description the error's description, or null
     */
    public void closed(String containerId, String peer, String local, boolean accepted, String condition, String description) {
        if (life != null && life.shouldCommit()) {
            life.end();
            life.containerId = containerId;
            life.peer = peer;
            life.local = local;
            life.accepted = accepted;
            life.condition = condition;
            life.description = description;
            life.commit();
        }
        life = null;
    }

    /**
     * A connection closed with a protocol error.
     *
     * @param containerId the container id
     * @param peer host:port of the peer
     * @param condition the condition's name
     * @param description its description
     * @param remote whether the peer sent it (false: this container detected it)
     */
    public static void protocolError(String containerId, String peer, String condition, String description, boolean remote) {
        ProtocolErrorEvent e = new ProtocolErrorEvent();
        if (e.shouldCommit()) {
            e.containerId = containerId;
            e.peer = peer;
            e.condition = condition;
            e.description = description;
            e.remote = remote;
            e.commit();
        }
    }
}
