package io.jproton.fuzz;

import static io.jproton.fuzz.FuzzChecks.check;
import static io.jproton.fuzz.FuzzChecks.hex;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jproton.testkit.AmqpFrames;
import io.jproton.ConnectionEngine;
import io.jproton.ConnectionOptions;
import io.jproton.Delivery;
import io.jproton.ErrorCondition;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.Values;
import java.nio.ByteBuffer;

/**
 * Fuzzes a server-side {@link ConnectionEngine} with whatever a peer may send: (a) arbitrary bytes
 * after a valid AMQP protocol header, (b) arbitrary bytes after a valid SASL protocol header, so
 * through the SASL layer, and (c) well-framed performatives with arbitrary fields in an arbitrary
 * order (so that the fuzzer reaches the protocol-state handling rather than the framing). The handler does what applications do (opens what the peer opens,
 * reads every message, sends while it has credit) and never throws. Properties: nothing escapes
 * the engine (its own failures and the peer's violations cost the connection only, reported by
 * {@code onTransportError}); once the input ends, the connection finishes; the input is taken in
 * chunks whose sizes the input's first byte picks, so frames split across reads are exercised too.
 * Seeds: {@code ConnectionEngineFuzzTestInputs/<method>/}, written by {@link SeedCorpusTest}.
 */
class ConnectionEngineFuzzTest {
    /** Enough rounds for every frame a bounded input can produce; more means the engine loops. */
    private static final int MAX_ROUNDS = 100_000;

    @FuzzTest(maxDuration = FuzzDuration.MAX)
    void amqpFrames(byte[] input) {
        run(EngineSeeds.AMQP_HEADER, input);
    }

    @FuzzTest(maxDuration = FuzzDuration.MAX)
    void saslThenAmqp(byte[] input) {
        run(EngineSeeds.SASL_HEADER, input);
    }

    @FuzzTest(maxDuration = FuzzDuration.MAX)
    void performatives(FuzzedDataProvider data) {
        ConnectionEngine engine = new ConnectionEngine(new Application(), new ConnectionOptions(), true);
        AmqpFrames f = new AmqpFrames();
        feed(engine, AmqpFrames.concat(EngineSeeds.AMQP_HEADER, f.frame(0, AmqpFrames.open("fuzz"), null)), 1 << 16);
        int frames = data.consumeInt(0, 300);
        for (int i = 0; i < frames && data.remainingBytes() > 0; i++) {
            byte[] frame = Performatives.next(f, data);
            feed(engine, frame, data.consumeBoolean() ? 7 : 1 << 16);
        }
        engine.tick(1);
        engine.readClose();
        pump(engine);
        check(engine.finished(), () -> "the connection did not finish after its input ended");
    }

    private static void run(byte[] header, byte[] input) {
        ConnectionEngine engine = new ConnectionEngine(new Application(), new ConnectionOptions(), true);
        int chunk = input.length == 0 ? 1 : 1 + (input[0] & 0xff) * 8;
        feed(engine, header, header.length);
        feed(engine, input, chunk);
        engine.tick(1);
        engine.readClose();
        pump(engine);
        check(engine.finished(), () -> "the connection did not finish after its input ended: " + hex(input));
    }

    private static void feed(ConnectionEngine engine, byte[] bytes, int chunk) {
        int pos = 0;
        while (pos < bytes.length) {
            ByteBuffer in = engine.readBuffer();
            if (in == null) {
                return; // the engine takes no more input: the connection is closing
            }
            int n = Math.min(Math.min(in.remaining(), chunk), bytes.length - pos);
            in.put(bytes, pos, n);
            engine.readDone(n);
            pos += n;
            pump(engine);
        }
    }

    private static void pump(ConnectionEngine engine) {
        for (int i = 0; i < MAX_ROUNDS; i++) {
            engine.dispatch();
            ByteBuffer out = engine.writeBuffer();
            if (out == null) {
                return;
            }
            engine.writeDone(out.remaining());
        }
        throw new AssertionError("the engine kept producing output for " + MAX_ROUNDS + " rounds");
    }

    /** An application: takes every message and looks at it, sends a few while it has credit, throws nothing. */
    private static final class Application implements MessagingHandler {
        private int sent;

        @Override
        public void onMessage(Delivery d, Message m) {
            check(Values.format(m.body()) != null && m.toString() != null, () -> "no text");
        }

        @Override
        public void onSendable(Sender s) {
            while (s.credit() > 0 && sent < 20) {
                s.send(new Message("reply " + sent++));
            }
        }

        @Override
        public void onError(ErrorCondition condition) {
            // the peer's errors are expected here; the default would throw (stop the container)
        }
    }
}
