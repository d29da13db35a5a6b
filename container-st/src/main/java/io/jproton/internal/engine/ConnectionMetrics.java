package io.jproton.internal.engine;

import io.jproton.Transfer;
import io.jproton.spi.MetricsRecorder;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * One connection's share of its container's {@link MetricsRecorder}. Counters (messages, outcomes,
 * bytes) are gathered in plain fields and handed over by {@link #flush()} once per round of I/O,
 * so that the recorder's thread-safe adders are touched once a round rather than once a message.
 * Gauges (sessions, links, starved senders, the connection itself) go over at once, and this
 * connection's part of each is kept, so that a reconnect or the end of the connection gives all of
 * it back and a sum of deltas never drifts. Exists only where a recorder is installed (the driver's
 * field is null otherwise).
 *
 * <p>Thread-safety: confined to its connection's context (the recorder is called from there;
 * {@link WorkQueueImpl} calls the recorder itself from other threads).
 */
public final class ConnectionMetrics {
    /** The outcomes the recorder takes (a delivery state of NONE or RECEIVED is not one). */
    private static final Transfer.State[] OUTCOMES = {Transfer.State.ACCEPTED, Transfer.State.REJECTED,
        Transfer.State.RELEASED, Transfer.State.MODIFIED};
    private final MetricsRecorder recorder;
    private int sessions;
    private final Set<LinkImpl> links = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean counted;
    private final Set<SenderImpl> starved = Collections.newSetFromMap(new IdentityHashMap<>());
    private int sent;
    private int received;
    /** Outcomes counted this round, by {@link Transfer.State#ordinal()}. */
    private final int[] outcomes = new int[Transfer.State.values().length];
    private long bytesIn;
    private long bytesOut;

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
        bytesIn += n;
    }

    void bytesOut(int n) {
        bytesOut += n;
    }

    void sessionOpened() {
        sessions++;
        recorder.sessions(1);
    }

    /** A session closed at this end: it and the links it still held (closing a session closes them without events). */
    void sessionClosed(SessionImpl s) {
        if (sessions > 0) {
            sessions--;
            recorder.sessions(-1);
        }
        if (!links.isEmpty()) {
            for (LinkImpl l : links.toArray(new LinkImpl[0])) {
                if (l.session == s) {
                    linkClosed(l);
                }
            }
        }
    }

    void linkOpened(LinkImpl l) {
        if (links.add(l)) {
            recorder.links(1);
        }
    }

    void linkClosed(LinkImpl l) {
        if (links.remove(l)) {
            recorder.links(-1);
        }
        if (l instanceof SenderImpl s && starved.remove(s)) {
            recorder.starvedSenders(-1);
        }
    }

    void sent(SenderImpl s, int creditLeft) {
        sent++;
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
        received++;
    }

    void outcome(Transfer.State state) {
        outcomes[state.ordinal()]++;
    }

    /** Hands the counts gathered since the last call to the recorder: at the end of each round of I/O. */
    public void flush() {
        if (sent != 0) {
            recorder.messagesSent(sent);
            sent = 0;
        }
        if (received != 0) {
            recorder.messagesReceived(received);
            received = 0;
        }
        for (Transfer.State s : OUTCOMES) {
            int n = outcomes[s.ordinal()];
            if (n != 0) {
                recorder.outcomes(s, n);
                outcomes[s.ordinal()] = 0;
            }
        }
        if (bytesIn != 0) {
            recorder.bytesIn(bytesIn);
            bytesIn = 0;
        }
        if (bytesOut != 0) {
            recorder.bytesOut(bytesOut);
            bytesOut = 0;
        }
    }

    /** The transport is gone (a reconnect follows, which opens sessions and links again): give back what it held. */
    void transportReset() {
        flush();
        if (sessions > 0) {
            recorder.sessions(-sessions);
            sessions = 0;
        }
        if (!links.isEmpty()) {
            recorder.links(-links.size());
            links.clear();
        }
        if (!starved.isEmpty()) {
            recorder.starvedSenders(-starved.size());
            starved.clear();
        }
    }

    /** The connection has ended: hand over its counts and give back everything it held, its own open included. */
    public void closed() {
        transportReset();
        if (counted) {
            counted = false;
            recorder.connections(-1);
        }
    }
}
