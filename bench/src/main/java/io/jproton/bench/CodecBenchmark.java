package io.jproton.bench;

import io.jproton.Message;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Message encode and decode: the W1 message (100-byte binary body) and a small map message. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class CodecBenchmark {
    private Message w1;
    private byte[] w1Bytes;
    private Message map;
    private byte[] mapBytes;

    @Setup
    public void setup() {
        w1 = new Message(new byte[100]);
        w1Bytes = w1.encode();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sequence", 42);
        body.put("text", "hello");
        map = new Message(body).id(42).subject("subject");
        map.properties().put("colour", "red");
        mapBytes = map.encode();
    }

    @Benchmark
    public byte[] encodeW1() {
        return w1.encode();
    }

    @Benchmark
    public Message decodeW1() {
        return Message.decode(w1Bytes);
    }

    @Benchmark
    public byte[] encodeMap() {
        return map.encode();
    }

    @Benchmark
    public Message decodeMap() {
        return Message.decode(mapBytes);
    }
}
