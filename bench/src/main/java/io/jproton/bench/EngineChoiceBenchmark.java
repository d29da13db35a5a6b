package io.jproton.bench;

import io.jproton.Message;
import io.jproton.internal.codec.GrowableBuffer;
import io.jproton.internal.codec.MessageCodec;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.protonj2.buffer.ProtonBuffer;
import org.apache.qpid.protonj2.buffer.ProtonBufferAllocator;
import org.apache.qpid.protonj2.engine.Connection;
import org.apache.qpid.protonj2.engine.Engine;
import org.apache.qpid.protonj2.engine.EngineFactory;
import org.apache.qpid.protonj2.engine.IncomingDelivery;
import org.apache.qpid.protonj2.engine.OutgoingDelivery;
import org.apache.qpid.protonj2.engine.Receiver;
import org.apache.qpid.protonj2.engine.Sender;
import org.apache.qpid.protonj2.engine.impl.ProtonDeliveryTagGenerator;
import org.apache.qpid.protonj2.types.messaging.Accepted;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The other engine the performance issue asks about: W1 at-least-once between two protonj2
 * (1.0.0-M23) engines in memory, with our message codec on both ends, exactly as
 * {@link DriverBenchmark} does it between two jproton drivers on proton-j 0.35 (run both in one
 * go: {@code java -jar jproton-bench.jar "DriverBenchmark|EngineChoiceBenchmark"}). Credit window
 * 1000 topped up at half, every delivery accepted and settled by the receiver and settled by the
 * sender when the outcome arrives. Messages per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class EngineChoiceBenchmark {
    private static final int BATCH = 10_000;
    private static final int WINDOW = 1000;
    private final Message message = new Message(new byte[100]);
    private final GrowableBuffer encoded = new GrowableBuffer(512);
    private final ProtonBufferAllocator allocator = ProtonBufferAllocator.defaultAllocator();
    private final ArrayDeque<ProtonBuffer> toServer = new ArrayDeque<>();
    private final ArrayDeque<ProtonBuffer> toClient = new ArrayDeque<>();
    private Engine client;
    private Engine server;
    private Sender sender;
    private int toSend;
    private int received;
    private int accepted;

    @Setup(Level.Iteration)
    public void setup() {
        toServer.clear();
        toClient.clear();
        client = EngineFactory.PROTON.createNonSaslEngine();
        server = EngineFactory.PROTON.createNonSaslEngine();
        client.outputConsumer(toServer::add);
        server.outputConsumer(toClient::add);
        Connection serverConnection = server.start();
        serverConnection.openHandler(Connection::open);
        serverConnection.sessionOpenHandler(s -> s.open());
        serverConnection.receiverOpenHandler(r -> {
            r.deliveryReadHandler(d -> onDelivery(r, d));
            r.open();
            r.addCredit(WINDOW);
        });
        Connection clientConnection = client.start();
        clientConnection.open();
        sender = clientConnection.session().open().sender("w1");
        sender.setDeliveryTagGenerator(ProtonDeliveryTagGenerator.BUILTIN.POOLED.createGenerator());
        sender.deliveryStateUpdatedHandler(d -> {
            if (d.getRemoteState() instanceof Accepted) {
                accepted++;
            }
            if (d.isRemotelySettled()) {
                d.settle();
            }
        });
        sender.creditStateUpdateHandler(s -> send());
        sender.open();
        pump();
    }

    private void onDelivery(Receiver r, IncomingDelivery d) {
        if (d.isPartial()) {
            return;
        }
        ProtonBuffer payload = d.readAll();
        int n = payload.getReadableBytes();
        byte[] bytes = new byte[n];
        payload.copyInto(payload.getReadOffset(), bytes, 0, n);
        MessageCodec.decode(bytes, 0, n);
        d.disposition(Accepted.getInstance(), true);
        received++;
        int credit = r.getCredit();
        if (credit <= WINDOW / 2) {
            r.addCredit(WINDOW - credit);
        }
    }

    private void send() {
        while (toSend > 0 && sender.isSendable()) {
            encoded.clear();
            MessageCodec.encode(message, encoded);
            OutgoingDelivery d = sender.next();
            d.writeBytes(allocator.copy(encoded.array(), 0, encoded.position()));
            toSend--;
        }
    }

    private void pump() {
        ProtonBuffer b;
        boolean moved = true;
        while (moved) {
            moved = false;
            while ((b = toServer.poll()) != null) {
                server.ingest(b);
                moved = true;
            }
            while ((b = toClient.poll()) != null) {
                client.ingest(b);
                moved = true;
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int sendBatch() {
        int target = received + BATCH;
        toSend += BATCH;
        send();
        while (received < target) {
            pump();
            send();
        }
        return accepted;
    }
}
