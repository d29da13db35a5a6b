package io.jproton.internal.engine;

import io.jproton.Transfer;
import io.jproton.spi.MetricsRecorder;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * One connection's share of its container's {@link MetricsRecorder}: forwards counts, and keeps
 * what this connection holds of each gauge (sessions, links, starved senders, its own open) so
 * that a reconnect or the end of the connection gives all of it back, and a sum of deltas never
 * drifts. Exists only where a recorder is installed (the driver's field is null otherwise).
 *
 * <p>Thread-safety: confined to its connection's context, except that the recorder itself is
 * called from other threads too ({@link WorkQueueImpl}).
 */
public final class ConnectionMetrics {
    private final MetricsRecorder recorder;
    private int sessions;
    private int links;
    private boolean counted;
    private final Set<SenderImpl> starved = Collections.newSetFromMap(new IdentityHashMap<>());

    private ConnectionMetrics(MetricsRecorder recorder) {
        this.recorder = recorder;
    }

    /** @return a tally for a new connection, or null where the container has no recorder */
    static ConnectionMetrics of(MetricsRecorder recorder) {
        return recorder == null ? null : new ConnectionMetrics(recorder);
    }

    /** @return the container's recorder */
    MetricsRecorder recorder() {
        return recorder;
    }

    /** The connection is open at both ends: counted once, however often it reconnects. */
    public void opened() {
        if (!counted) {
            counted = true;
            recorder.connections(1);
        }
    }

    /** The connection opened again after a loss. */
    public void reconnected() {
        recorder.reconnected();
    }

    /** @param n bytes read from the socket */
    public void bytesIn(int n) {
        recorder.bytesIn(n);
    }

    void bytesOut(int n) {
        recorder.bytesOut(n);
    }

    void sessionOpened() {
        sessions++;
        recorder.sessions(1);
    }

    void sessionClosed() {
        if (sessions > 0) {
            sessions--;
            recorder.sessions(-1);
        }
    }

    void linkOpened() {
        links++;
        recorder.links(1);
    }

    void linkClosed(LinkImpl l) {
        if (links > 0) {
            links--;
            recorder.links(-1);
        }
        if (l instanceof SenderImpl s && starved.remove(s)) {
            recorder.starvedSenders(-1);
        }
    }

    void sent(SenderImpl s, int creditLeft) {
        recorder.messageSent();
        if (creditLeft <= 0 && starved.add(s)) {
            recorder.starvedSenders(1);
        }
    }

    void credit(SenderImpl s, int credit) {
        if (credit > 0 && !starved.isEmpty() && starved.remove(s)) {
            recorder.starvedSenders(-1);
        }
    }

    void received() {
        recorder.messageReceived();
    }

    void outcome(Transfer.State state) {
        recorder.outcome(state);
    }

    /** The transport is gone (a reconnect follows, which opens sessions and links again): give back what it held. */
    void transportReset() {
        if (sessions > 0) {
            recorder.sessions(-sessions);
            sessions = 0;
        }
        if (links > 0) {
            recorder.links(-links);
            links = 0;
        }
        if (!starved.isEmpty()) {
            recorder.starvedSenders(-starved.size());
            starved.clear();
        }
    }

    /** The connection has ended: give back everything it held, its own open included. */
    public void closed() {
        transportReset();
        if (counted) {
            counted = false;
            recorder.connections(-1);
        }
    }
}
