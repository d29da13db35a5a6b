package io.jproton.bench;

import io.jproton.Message;
import io.jproton.internal.codec.GrowableBuffer;
import io.jproton.internal.codec.MessageCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Locale;
import org.apache.qpid.protonj2.buffer.ProtonBuffer;
import org.apache.qpid.protonj2.buffer.ProtonBufferAllocator;
import org.apache.qpid.protonj2.engine.Connection;
import org.apache.qpid.protonj2.engine.Engine;
import org.apache.qpid.protonj2.engine.EngineFactory;
import org.apache.qpid.protonj2.engine.IncomingDelivery;
import org.apache.qpid.protonj2.engine.Receiver;
import org.apache.qpid.protonj2.engine.Sender;
import org.apache.qpid.protonj2.engine.impl.ProtonDeliveryTagGenerator;
import org.apache.qpid.protonj2.types.messaging.Accepted;

/**
 * An experiment for the engine choice, not part of jproton: the W1 pair on a protonj2
 * (1.0.0-M23) engine over a plain blocking socket, one thread, our message codec, with the same
 * arguments and output line as {@code tput_send}/{@code tput_recv}, so it runs against them and
 * against the C++ pair. SASL ANONYMOUS both ways; no TLS, no reconnect: only what W1 exercises.
 * Each side closes the connection when done and waits for the peer's close.
 *
 * <p>Usage: {@code Pj2Tput send HOST:PORT COUNT [--presettled]} or {@code Pj2Tput recv HOST:PORT COUNT [--credit N]}.
 */
public final class Pj2Tput {
    private static final ProtonBufferAllocator ALLOC = ProtonBufferAllocator.defaultAllocator();
    private final SocketChannel channel;
    private final Engine engine;
    private final ArrayDeque<ProtonBuffer> output = new ArrayDeque<>();
    private final ByteBuffer out = ByteBuffer.allocateDirect(256 * 1024);
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    private boolean done;

    private Pj2Tput(SocketChannel channel, boolean server) throws IOException {
        this.channel = channel;
        if (server) {
            // accepts SASL ANONYMOUS, as the C++ sender uses it (and a client that skips SASL is not served)
            engine = EngineFactory.PROTON.createEngine();
            engine.saslDriver().server().setListener(new org.apache.qpid.protonj2.engine.sasl.SaslServerListener() {
                @Override
                public void handleSaslHeader(org.apache.qpid.protonj2.engine.sasl.SaslServerContext context,
                                             org.apache.qpid.protonj2.types.transport.AMQPHeader header) {
                    context.sendMechanisms(new String[] {"ANONYMOUS"});
                }

                @Override
                public void handleSaslInit(org.apache.qpid.protonj2.engine.sasl.SaslServerContext context,
                                           org.apache.qpid.protonj2.types.Symbol mechanism, ProtonBuffer initResponse) {
                    context.sendOutcome(org.apache.qpid.protonj2.engine.sasl.SaslOutcome.SASL_OK, null);
                }

                @Override
                public void handleSaslResponse(org.apache.qpid.protonj2.engine.sasl.SaslServerContext context,
                                               ProtonBuffer response) {
                }
            });
        } else {
            engine = EngineFactory.PROTON.createEngine(); // SASL ANONYMOUS, as the C++ and our senders
            engine.saslDriver().client().setListener(new org.apache.qpid.protonj2.engine.sasl.SaslClientListener() {
                @Override
                public void handleSaslMechanisms(org.apache.qpid.protonj2.engine.sasl.SaslClientContext context,
                                                 org.apache.qpid.protonj2.types.Symbol[] mechanisms) {
                    context.sendChosenMechanism("ANONYMOUS", null, null);
                }

                @Override
                public void handleSaslChallenge(org.apache.qpid.protonj2.engine.sasl.SaslClientContext context,
                                                ProtonBuffer challenge) {
                }

                @Override
                public void handleSaslOutcome(org.apache.qpid.protonj2.engine.sasl.SaslClientContext context,
                                              org.apache.qpid.protonj2.engine.sasl.SaslOutcome outcome, ProtonBuffer data) {
                }
            });
        }
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        engine.outputConsumer(output::add);
    }

    /** Writes what the engine produced, then blocks for input; until done. */
    private void loop() throws IOException {
        while (!done) {
            flush();
            if (done) {
                break;
            }
            in.clear();
            int n = channel.read(in);
            if (n < 0) {
                return; // the peer has gone after its close
            }
            engine.ingest(ALLOC.copy(in.array(), 0, n));
        }
        flush();
    }

    private void flush() throws IOException {
        ProtonBuffer b;
        while ((b = output.poll()) != null) {
            int len = b.getReadableBytes();
            if (len > out.remaining()) {
                drain();
            }
            if (len > out.capacity()) {
                byte[] big = new byte[len];
                b.copyInto(b.getReadOffset(), big, 0, len);
                ByteBuffer w = ByteBuffer.wrap(big);
                while (w.hasRemaining()) {
                    channel.write(w);
                }
                continue;
            }
            b.copyInto(b.getReadOffset(), out, out.position(), len);
            out.position(out.position() + len);
        }
        drain();
    }

    private void drain() throws IOException {
        out.flip();
        while (out.hasRemaining()) {
            channel.write(out);
        }
        out.clear();
    }

    private static void report(String who, long count, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d messages in %.3f s, %.0f msg/s%n", who, count, seconds, count / seconds);
    }

    private void send(int count, boolean presettled) throws IOException {
        Message message = new Message(new byte[100]);
        GrowableBuffer encoded = new GrowableBuffer(512);
        int[] sent = {0};
        int[] settled = {0};
        long start = System.nanoTime();
        Connection c = engine.start();
        c.open();
        Sender s = c.session().open().sender("w1");
        s.setDeliveryTagGenerator(ProtonDeliveryTagGenerator.BUILTIN.POOLED.createGenerator());
        if (presettled) {
            s.setSenderSettleMode(org.apache.qpid.protonj2.types.transport.SenderSettleMode.SETTLED);
        }
        s.deliveryStateUpdatedHandler(d -> {
            if (d.getRemoteState() instanceof Accepted) {
                d.settle();
                if (++settled[0] == count) {
                    report("tput_send", count, start);
                    c.close();
                }
            }
        });
        s.creditStateUpdateHandler(link -> {
            while (sent[0] < count && link.isSendable()) {
                encoded.clear();
                MessageCodec.encode(message, encoded);
                var d = link.next();
                if (presettled) {
                    d.settle();
                }
                d.writeBytes(ALLOC.copy(encoded.array(), 0, encoded.position()));
                if (++sent[0] == count && presettled) {
                    report("tput_send", count, start);
                    c.close();
                }
            }
        });
        c.closeHandler(conn -> done = true);
        s.open();
        loop();
    }

    private void receive(int count, int window) throws IOException {
        long[] start = {0};
        int[] received = {0};
        Connection c = engine.start();
        c.openHandler(Connection::open);
        c.sessionOpenHandler(session -> session.open());
        c.receiverOpenHandler(r -> {
            r.deliveryReadHandler((IncomingDelivery d) -> {
                if (d.isPartial()) {
                    return;
                }
                if (received[0] == 0) {
                    start[0] = System.nanoTime();
                }
                ProtonBuffer payload = d.readAll();
                int n = payload.getReadableBytes();
                byte[] bytes = new byte[n];
                payload.copyInto(payload.getReadOffset(), bytes, 0, n);
                MessageCodec.decode(bytes, 0, n);
                if (!d.isSettled()) {
                    d.disposition(Accepted.getInstance(), true);
                }
                int credit = r.getCredit();
                if (credit <= window / 2) {
                    r.addCredit(window - credit);
                }
                if (++received[0] == count) {
                    report("tput_recv", count, start[0]);
                    c.close();
                }
            });
            r.open();
            r.addCredit(window);
        });
        c.closeHandler(conn -> done = true);
        loop();
    }

    /**
     * @param args send|recv HOST:PORT COUNT [--presettled | --credit N]
     */
    public static void main(String[] args) throws IOException {
        String hostPort = args[1].contains("/") ? args[1].substring(0, args[1].indexOf('/')) : args[1];
        String[] hp = hostPort.split(":");
        int count = Integer.parseInt(args[2]);
        java.util.List<String> flags = java.util.Arrays.asList(args).subList(3, args.length);
        if (args[0].equals("send")) {
            boolean presettled = flags.contains("--presettled"); // --size is always 100 here
            new Pj2Tput(SocketChannel.open(new InetSocketAddress(hp[0], Integer.parseInt(hp[1]))), false).send(count, presettled);
        } else {
            int at = flags.indexOf("--credit");
            int credit = at >= 0 ? Integer.parseInt(flags.get(at + 1)) : 1000;
            try (ServerSocketChannel server = ServerSocketChannel.open()) {
                server.bind(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])));
                System.out.println("listening on " + ((InetSocketAddress) server.getLocalAddress()).getPort());
                System.out.flush();
                new Pj2Tput(server.accept(), true).receive(count, credit);
            }
        }
        System.exit(0);
    }
}
