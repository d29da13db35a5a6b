package io.jproton.spi;

import io.jproton.Transfer;

/**
 * Receives what a container counts, for a metrics library: the optional module
 * {@code metrics-micrometer} implements it with Micrometer meters, and an application may
 * implement it for another library. Install one with
 * {@link io.jproton.Container#metricsRecorder(MetricsRecorder)}; without one, the container counts
 * nothing and pays nothing but a null check.
 *
 * <p>Gauges come as deltas ({@code +1} when a connection, session or link opens, {@code -1} when
 * it closes, and for a connection that ends or reconnects, whatever it still held), so that a
 * sum over the deltas is the current value. Counters (messages, outcomes, bytes) come as counts
 * that each connection gathers during one round of I/O and hands over at its end, so that a busy
 * connection makes one call per round rather than one per message.
 *
 * <p>Thread-safety: implementations must be thread-safe and fast. The methods are called on the
 * connections' threads (several at once in the multi-threaded container; {@link #workQueued} also
 * on the application threads that add work), in the middle of I/O: they must not block or throw.
 */
public interface MetricsRecorder {
    /**
     * AMQP connections open at both ends, counted once per connection however often it reconnects.
     *
     * @param delta +1 or -1
     */
    void connections(int delta);

    /**
     * Sessions open at this end.
     *
     * @param delta the change
     */
    void sessions(int delta);

    /**
     * Links (senders and receivers) open at this end.
     *
     * @param delta the change
     */
    void links(int delta);

    /**
     * Messages were sent ({@code Sender.send}).
     *
     * @param count how many, above 0
     */
    void messagesSent(int count);

    /**
     * Messages arrived on receivers (also ones that could not be decoded).
     *
     * @param count how many, above 0
     */
    void messagesReceived(int count);

    /**
     * The peer's outcomes for messages this container sent.
     *
     * @param outcome {@link Transfer.State#ACCEPTED}, {@code REJECTED}, {@code RELEASED} or {@code MODIFIED}
     * @param count how many, above 0
     */
    void outcomes(Transfer.State outcome, int count);

    /**
     * Bytes read from sockets (AMQP frames, SASL and TLS included).
     *
     * @param bytes how many, above 0
     */
    void bytesIn(long bytes);

    /**
     * Bytes written to sockets.
     *
     * @param bytes how many, above 0
     */
    void bytesOut(long bytes);

    /**
     * Senders that have used all their credit and wait for more from the peer.
     *
     * @param delta +1 when a send leaves a sender without credit, -1 when credit comes or the sender closes
     */
    void starvedSenders(int delta);

    /**
     * A connection opened after failed attempts ({@code Connection.reconnected()} true): a lost
     * connection back, or a first connect that succeeded only on a later attempt.
     */
    void reconnected();

    /**
     * Work waiting in connections' work queues ({@code WorkQueue.add}).
     *
     * @param delta +1 when work is queued, -1 when it runs or is dropped with its connection
     */
    void workQueued(int delta);
}
