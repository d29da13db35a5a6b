package io.jproton.bench;

import io.jproton.Connection;
import io.jproton.Container;
import io.jproton.MessagingHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Connection.wake()} from another thread to {@code onConnectionWake} on the container's
 * run() thread: the latency distribution (JMH sample mode reports p50, p99, ...).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class WakeBenchmark {
    private final AtomicLong wakes = new AtomicLong();
    private Container container;
    private Thread runner;
    private volatile Connection connection;

    @Setup(Level.Trial)
    public void start() throws InterruptedException {
        LoopbackConnection lc = LoopbackConnection.start(1, opened -> new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                opened.accept(c);
            }

            @Override
            public void onConnectionWake(Connection c) {
                wakes.incrementAndGet();
                if (stopping) {
                    c.close();
                }
            }
        });
        container = lc.container;
        connection = lc.connection;
        runner = lc.runner;
    }

    private volatile boolean stopping;

    @Benchmark
    public long wakeToCallback() {
        long before = wakes.get();
        connection.wake();
        long now;
        while ((now = wakes.get()) == before) {
            Thread.onSpinWait();
        }
        return now;
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        stopping = true;
        connection.wake();
        runner.join(10_000);
    }
}
