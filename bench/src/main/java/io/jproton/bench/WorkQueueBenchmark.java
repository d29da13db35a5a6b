package io.jproton.bench;

import io.jproton.Connection;
import io.jproton.Container;
import io.jproton.MessagingHandler;
import io.jproton.WorkQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code WorkQueue.add} on one connection of the multi-threaded container ({@code run(2)}) from
 * 1, 4 and 8 application threads: each invocation adds a batch of pieces and waits until the
 * connection has run them all, so the figure is adds that were also run, per microsecond (no
 * unbounded queue).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Djproton.container=mt"})
public class WorkQueueBenchmark {
    /** Pieces added per invocation. */
    static final int BATCH = 100;
    private Container container;
    private Thread runner;
    private volatile Connection connection;
    private WorkQueue queue;

    /** One producer's counter of its pieces that have run. */
    @State(Scope.Thread)
    public static class Producer {
        final AtomicLong ran = new AtomicLong();
        long added;
    }

    @Setup(Level.Trial)
    public void start() throws InterruptedException {
        LoopbackConnection lc = LoopbackConnection.start(2, opened -> new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                opened.accept(c);
            }
        });
        container = lc.container;
        if (!container.provider().equals("mt")) {
            throw new IllegalStateException("needs the multi-threaded container, got " + container.provider());
        }
        connection = lc.connection;
        runner = lc.runner;
        queue = connection.workQueue();
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        Connection c = connection;
        queue.add(c::close);
        container.stop();
        runner.join(TimeUnit.SECONDS.toMillis(10));
    }

    private long addBatch(Producer p) {
        AtomicLong ran = p.ran;
        Runnable piece = ran::incrementAndGet;
        for (int i = 0; i < BATCH; i++) {
            if (!queue.add(piece)) {
                throw new IllegalStateException("work queue refused work while open");
            }
        }
        p.added += BATCH;
        while (ran.get() < p.added) {
            Thread.yield(); // more producers than cores here: let the connection's thread run
        }
        return p.added;
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BATCH)
    public long add1Thread(Producer p) {
        return addBatch(p);
    }

    @Benchmark
    @Threads(4)
    @OperationsPerInvocation(BATCH)
    public long add4Threads(Producer p) {
        return addBatch(p);
    }

    @Benchmark
    @Threads(8)
    @OperationsPerInvocation(BATCH)
    public long add8Threads(Producer p) {
        return addBatch(p);
    }
}
