package io.jproton.bench;

import io.jproton.DeliveryMode;
import io.jproton.Delivery;
import io.jproton.EnginePair;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.SenderOptions;
import io.jproton.Tracker;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The connection driver in memory, no sockets: W1 messages from a sender engine to a receiver
 * engine, both driven on the benchmark thread. Scores are messages per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class DriverBenchmark {
    private static final int BATCH = 10_000;

    @Param({"AT_LEAST_ONCE", "AT_MOST_ONCE"})
    public DeliveryMode mode;

    private EnginePair pair;
    private Client client;
    private Server server;

    static final class Client implements MessagingHandler {
        final Message message = new Message(new byte[100]);
        int toSend;
        int accepted;

        @Override
        public void onSendable(Sender s) {
            while (toSend > 0 && s.credit() > 0) {
                s.send(message);
                toSend--;
            }
        }

        @Override
        public void onTrackerAccept(Tracker t) {
            accepted++;
        }
    }

    static final class Server implements MessagingHandler {
        int received;

        @Override
        public void onMessage(Delivery d, Message m) {
            received++;
        }
    }

    @Setup(Level.Iteration)
    public void setup() {
        client = new Client();
        server = new Server();
        pair = new EnginePair(client, server);
        pair.client().connection().openSender("w1", new SenderOptions().deliveryMode(mode));
        pair.run(1000);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int sendBatch() {
        int target = server.received + BATCH;
        client.toSend += BATCH;
        Sender s = pair.client().connection().senders().get(0);
        client.onSendable(s);
        while (server.received < target) {
            pair.pump();
            if (client.toSend > 0 && s.credit() > 0) {
                client.onSendable(s);
            }
        }
        return server.received;
    }
}
