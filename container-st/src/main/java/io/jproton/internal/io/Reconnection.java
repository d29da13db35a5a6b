package io.jproton.internal.io;

import io.jproton.ConnectionOptions;
import io.jproton.ReconnectOptions;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * A client connection's reconnect policy, as Proton C++'s: whether it reconnects, where to (its
 * first URL, then the failover URLs, in turn) and after which delay, and how many attempts are
 * left. Pure bookkeeping, no timers and no sockets: its {@link SocketConnection} asks for the
 * {@link #next()} attempt after each loss and reports each {@link #opened()}.
 *
 * <p>Attempts are counted from the loss of the transport (or from a first connect that failed):
 * attempt 1 waits {@link ReconnectOptions#delayBefore(int) delayBefore(1)} and goes to the second
 * target, and so on round the list; {@link ReconnectOptions#maxAttempts()} bounds them (0: no
 * bound); an open connection starts the count over.
 *
 * <p>Thread-safety: confined to its connection's context.
 */
final class Reconnection {
    /** One attempt: its number since the loss, where it connects to, and how long it waits first. */
    record Attempt(int number, String host, int port, Duration delay) {
        /** @return host:port */
        String target() {
            return host + ":" + port;
        }
    }

    private ReconnectOptions options;
    private List<String[]> targets;
    private Function<ConnectionOptions, List<String[]>> targetsOf;
    private int attempts;

    /**
     * Reconnect after a lost transport, trying the targets in turn.
     *
     * @param options how to reconnect
     * @param hostsAndPorts {host, port} pairs: the first URL's, then the failover URLs'
     */
    void configure(ReconnectOptions options, List<String[]> hostsAndPorts) {
        this.options = options;
        this.targets = hostsAndPorts;
    }

    /**
     * @param targets where the connection may reconnect to, given its options: {host, port} pairs,
     *        the first URL's first (used when the application switches reconnect on later)
     */
    void targetsOf(Function<ConnectionOptions, List<String[]>> targets) {
        this.targetsOf = targets;
    }

    /**
     * The application updated the connection's options: reconnect is on if they ask for it (a
     * reconnect, failover or reconnect URL setting), with the targets they name.
     *
     * @param o the connection's options now
     */
    void optionsUpdated(ConnectionOptions o) {
        boolean on = o.reconnect() != null || o.failoverUrls() != null || o.reconnectUrl() != null;
        if (on && targetsOf != null) {
            configure(o.reconnect() != null ? o.reconnect() : new ReconnectOptions(), targetsOf.apply(o));
        }
    }

    /** @return true if this connection reconnects at all */
    boolean on() {
        return options != null;
    }

    /**
     * The transport was lost (or a connect failed): counts an attempt.
     *
     * @return the attempt to make, or null if reconnect is off or no attempt is left
     */
    Attempt next() {
        if (options == null) {
            return null;
        }
        attempts++;
        if (options.maxAttempts() > 0 && attempts > options.maxAttempts()) {
            return null;
        }
        String[] target = targets.get(attempts % targets.size());
        return new Attempt(attempts, target[0], Integer.parseInt(target[1]), options.delayBefore(attempts));
    }

    /** @return the attempts counted since the last open (or since the start) */
    int attempts() {
        return attempts;
    }

    /** The connection is open again (or for the first time): the next loss starts the count and the delays over. */
    void opened() {
        attempts = 0;
    }
}
