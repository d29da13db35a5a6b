package io.jproton.micrometer;

import io.jproton.Container;
import io.jproton.Transfer;
import io.jproton.spi.MetricsRecorder;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Micrometer {@link MeterBinder} for one jproton container, as Micrometer's own binders:
 * {@code new JprotonMetrics(container).bindTo(registry)}. Binding installs the container's
 * {@link MetricsRecorder} ({@link Container#metricsRecorder}); bind before {@code run()} so that
 * every connection counts. A jproton addition (Proton C++ has no metrics).
 *
 * <p>The meters, each tagged {@code container.id} (plus any tags given):
 * <ul>
 * <li>gauges {@code jproton.connections} (AMQP connections open at both ends, each counted once
 * through its reconnects), {@code jproton.sessions} and {@code jproton.links} (open at this
 * end), {@code jproton.senders.starved} (senders whose credit a send used up, until the peer
 * gives more), {@code jproton.work.queued} (work added to connections' work queues, not yet run);
 * <li>counters {@code jproton.messages.sent}, {@code jproton.messages.received},
 * {@code jproton.messages.outcome} (tag {@code outcome}: {@code accepted}, {@code rejected},
 * {@code released}, {@code modified}; the peer's outcomes for messages this container sent),
 * {@code jproton.bytes.in} and {@code jproton.bytes.out} (base unit bytes, on the sockets: SASL and
 * TLS included), {@code jproton.reconnects} (connections that opened after failed attempts, as
 * {@code Connection.reconnected()}: a lost connection back, or a first connect that failed over).
 * </ul>
 *
 * <p>Cost: each connection gathers its counts in plain fields during a round of I/O and adds
 * them to lock-free {@link LongAdder}s at its end (so a counter read mid-round lags by that round);
 * measured on W1 in docs/metrics.md.
 *
 * <p>Thread-safety: thread-safe, with {@link #bindTo}'s one condition: it installs the recorder
 * with {@link Container#metricsRecorder}, which the single-threaded container accepts only before
 * {@code run()}, from its callbacks or under its external lock (the multi-threaded one from any
 * thread). It may be called more than once (each registry gets the same counts); the counts are
 * lock-free adders read by the registry.
 */
public final class JprotonMetrics implements MeterBinder {
    private final Container container;
    private final Tags tags;
    private final Recorder recorder = new Recorder();

    /**
     * @param container the container to count
     */
    public JprotonMetrics(Container container) {
        this(container, Tags.empty());
    }

    /**
     * @param container the container to count
     * @param tags tags added to every meter, besides {@code container.id}
     */
    public JprotonMetrics(Container container, Iterable<Tag> tags) {
        if (container == null) {
            throw new IllegalArgumentException("container must not be null");
        }
        this.container = container;
        this.tags = Tags.of(tags).and("container.id", container.id());
    }

    /**
     * Registers the meters and installs the recorder on the container.
     *
     * @param registry where the meters go
     * @throws IllegalStateException where the single-threaded container is running and this thread
     *         may not call it (see {@link Container#metricsRecorder}); bind before {@code run()}
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        container.metricsRecorder(recorder); // first: where the container refuses this thread, nothing is registered
        gauge(registry, "jproton.connections", recorder.connections, "AMQP connections open at both ends");
        gauge(registry, "jproton.sessions", recorder.sessions, "sessions open at this end");
        gauge(registry, "jproton.links", recorder.links, "senders and receivers open at this end");
        gauge(registry, "jproton.senders.starved", recorder.starved, "senders waiting for credit from the peer");
        gauge(registry, "jproton.work.queued", recorder.queued, "work added to connections' work queues, not yet run");
        counter(registry, "jproton.messages.sent", null, recorder.sent, "messages sent", Tags.empty());
        counter(registry, "jproton.messages.received", null, recorder.received, "messages received", Tags.empty());
        counter(registry, "jproton.messages.outcome", null, recorder.accepted, "the peer's outcomes for messages sent",
                Tags.of("outcome", "accepted"));
        counter(registry, "jproton.messages.outcome", null, recorder.rejected, "the peer's outcomes for messages sent",
                Tags.of("outcome", "rejected"));
        counter(registry, "jproton.messages.outcome", null, recorder.released, "the peer's outcomes for messages sent",
                Tags.of("outcome", "released"));
        counter(registry, "jproton.messages.outcome", null, recorder.modified, "the peer's outcomes for messages sent",
                Tags.of("outcome", "modified"));
        counter(registry, "jproton.bytes.in", "bytes", recorder.bytesIn, "bytes read from the sockets", Tags.empty());
        counter(registry, "jproton.bytes.out", "bytes", recorder.bytesOut, "bytes written to the sockets", Tags.empty());
        counter(registry, "jproton.reconnects", null, recorder.reconnects,
                "connections opened after failed attempts (Connection.reconnected())", Tags.empty());
    }

    private void gauge(MeterRegistry registry, String name, LongAdder value, String description) {
        Gauge.builder(name, value, LongAdder::sum).description(description).tags(tags).register(registry);
    }

    private void counter(MeterRegistry registry, String name, String unit, LongAdder value, String description, Tags more) {
        FunctionCounter.builder(name, value, LongAdder::sum).description(description).baseUnit(unit).tags(tags.and(more))
                .register(registry);
    }

    /** The container's counts: lock-free adders, called on its threads. */
    private static final class Recorder implements MetricsRecorder {
        final LongAdder connections = new LongAdder();
        final LongAdder sessions = new LongAdder();
        final LongAdder links = new LongAdder();
        final LongAdder starved = new LongAdder();
        final LongAdder queued = new LongAdder();
        final LongAdder sent = new LongAdder();
        final LongAdder received = new LongAdder();
        final LongAdder accepted = new LongAdder();
        final LongAdder rejected = new LongAdder();
        final LongAdder released = new LongAdder();
        final LongAdder modified = new LongAdder();
        final LongAdder bytesIn = new LongAdder();
        final LongAdder bytesOut = new LongAdder();
        final LongAdder reconnects = new LongAdder();

        @Override
        public void connections(int delta) {
            connections.add(delta);
        }

        @Override
        public void sessions(int delta) {
            sessions.add(delta);
        }

        @Override
        public void links(int delta) {
            links.add(delta);
        }

        @Override
        public void messagesSent(int count) {
            sent.add(count);
        }

        @Override
        public void messagesReceived(int count) {
            received.add(count);
        }

        @Override
        public void outcomes(Transfer.State outcome, int count) {
            switch (outcome) {
                case ACCEPTED -> accepted.add(count);
                case REJECTED -> rejected.add(count);
                case RELEASED -> released.add(count);
                case MODIFIED -> modified.add(count);
                default -> { }
            }
        }

        @Override
        public void bytesIn(long bytes) {
            bytesIn.add(bytes);
        }

        @Override
        public void bytesOut(long bytes) {
            bytesOut.add(bytes);
        }

        @Override
        public void starvedSenders(int delta) {
            starved.add(delta);
        }

        @Override
        public void reconnected() {
            reconnects.increment();
        }

        @Override
        public void workQueued(int delta) {
            queued.add(delta);
        }
    }
}
