package io.jproton.bench;

import io.jproton.Message;
import io.jproton.internal.codec.GrowableBuffer;
import io.jproton.internal.codec.MessageCodec;
import java.util.concurrent.TimeUnit;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where a message is encoded before the engine copies it: the buffer choice for the worker
 * threads. (a) the calling loop thread's own scratch buffer (what jproton does: one per thread,
 * shared by the connections that thread runs, no synchronisation), (b) a buffer borrowed from an
 * Apache Commons Pool 2 {@link GenericObjectPool} shared by the threads and returned after the
 * send, (c) a new buffer per message. W1 message (100-byte body); 1 and 2 threads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class BufferChoiceBenchmark {
    private static final Message W1 = new Message(new byte[100]);

    /** A thread's own scratch buffer, as each event loop has. */
    @State(Scope.Thread)
    public static class Scratch {
        final GrowableBuffer buffer = new GrowableBuffer(512);
    }

    /** A pool of buffers shared by every thread. */
    @State(Scope.Benchmark)
    public static class Pool {
        GenericObjectPool<GrowableBuffer> pool;

        @Setup(Level.Trial)
        public void open() {
            GenericObjectPoolConfig<GrowableBuffer> config = new GenericObjectPoolConfig<>();
            config.setMaxTotal(16);
            config.setJmxEnabled(false);
            pool = new GenericObjectPool<>(new BasePooledObjectFactory<>() {
                @Override
                public GrowableBuffer create() {
                    return new GrowableBuffer(512);
                }

                @Override
                public PooledObject<GrowableBuffer> wrap(GrowableBuffer b) {
                    return new DefaultPooledObject<>(b);
                }
            }, config);
        }

        @TearDown(Level.Trial)
        public void close() {
            pool.close();
        }
    }

    private static int encodeInto(GrowableBuffer b) {
        b.clear();
        MessageCodec.encode(W1, b);
        return b.position();
    }

    private static int pooled(Pool p) throws Exception {
        GrowableBuffer b = p.pool.borrowObject();
        try {
            return encodeInto(b);
        } finally {
            p.pool.returnObject(b);
        }
    }

    @Benchmark
    @Threads(1)
    public int threadScratch1(Scratch s) {
        return encodeInto(s.buffer);
    }

    @Benchmark
    @Threads(2)
    public int threadScratch2(Scratch s) {
        return encodeInto(s.buffer);
    }

    @Benchmark
    @Threads(1)
    public int commonsPool1(Pool p) throws Exception {
        return pooled(p);
    }

    @Benchmark
    @Threads(2)
    public int commonsPool2(Pool p) throws Exception {
        return pooled(p);
    }

    @Benchmark
    @Threads(1)
    public int newBuffer1() {
        return encodeInto(new GrowableBuffer(512));
    }
}
