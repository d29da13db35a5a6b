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
 * sum over the deltas is the current value; counters come as events.
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

    /** A message was sent (a {@code Sender.send}). */
    void messageSent();

    /** A message arrived on a receiver (also one that could not be decoded). */
    void messageReceived();

    /**
     * The peer's outcome for a message this container sent.
     *
     * @param outcome {@link Transfer.State#ACCEPTED}, {@code REJECTED}, {@code RELEASED} or {@code MODIFIED}
     */
    void outcome(Transfer.State outcome);

    /**
     * Bytes read from a socket (AMQP frames, SASL and TLS included).
     *
     * @param bytes how many, above 0
     */
    void bytesIn(int bytes);

    /**
     * Bytes written to a socket.
     *
     * @param bytes how many, above 0
     */
    void bytesOut(int bytes);

    /**
     * Senders that have used all their credit and wait for more from the peer.
     *
     * @param delta +1 when a send leaves a sender without credit, -1 when credit comes or the sender closes
     */
    void starvedSenders(int delta);

    /** A lost connection opened again (reconnect). */
    void reconnected();

    /**
     * Work waiting in connections' work queues ({@code WorkQueue.add}).
     *
     * @param delta +1 when work is queued, -1 when it runs or is dropped with its connection
     */
    void workQueued(int delta);
}
