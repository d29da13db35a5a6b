package io.jproton.fuzz;

import static io.jproton.testkit.AmqpFrames.attach;
import static io.jproton.testkit.AmqpFrames.begin;
import static io.jproton.testkit.AmqpFrames.concat;
import static io.jproton.testkit.AmqpFrames.flow;
import static io.jproton.testkit.AmqpFrames.open;
import static io.jproton.testkit.AmqpFrames.transfer;

import io.jproton.Message;
import io.jproton.testkit.AmqpFrames;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.security.SaslInit;
import org.apache.qpid.proton.amqp.transport.Close;
import org.apache.qpid.proton.amqp.transport.Detach;
import org.apache.qpid.proton.amqp.transport.Disposition;
import org.apache.qpid.proton.amqp.transport.End;
import org.apache.qpid.proton.amqp.transport.ErrorCondition;
import org.apache.qpid.proton.amqp.transport.Role;
import org.apache.qpid.proton.amqp.transport.Transfer;

/**
 * Seeds for {@link ConnectionEngineFuzzTest}: valid conversations a client has with a server, frame
 * by frame (every performative, messages of one and of several frames, aborts, settlement,
 * heartbeats, errors). The first byte of an input picks the read size, so each seed starts with a
 * chunk-size byte. Deterministic; stateless.
 */
final class EngineSeeds {
    static final byte[] AMQP_HEADER = AmqpFrames.AMQP_HEADER;
    static final byte[] SASL_HEADER = AmqpFrames.SASL_HEADER;

    private EngineSeeds() {}

    /** Conversations after the AMQP header. */
    static Map<String, byte[]> amqp() {
        AmqpFrames f = new AmqpFrames();
        byte[] opened = f.frame(0, open("seed"), null);
        byte[] begun = concat(opened, f.frame(0, begin(null), null));
        byte[] sending = concat(begun, f.frame(0, attach("in", 0, true, "q"), null));
        byte[] receiving = concat(begun, f.frame(0, attach("out", 1, false, "q"), null), f.frame(0, flow(1, 0, 5), null));
        byte[] message = new Message("hello").encode();
        byte[] big = new Message(new byte[3000]).encode();
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("open", opened);
        out.put("open-close", concat(opened, f.frame(0, new Close(), null)));
        out.put("begin-end", concat(begun, f.frame(0, new End(), null)));
        out.put("attach-sender", sending);
        out.put("attach-receiver-flow", receiving);
        out.put("transfer", concat(sending, f.frame(0, transfer(0, 0L, false, false), message)));
        out.put("transfer-settled", concat(sending, f.frame(0, transfer(0, 0L, false, true), message)));
        out.put("transfer-multi-frame", concat(sending, f.frame(0, transfer(0, 0L, true, false), java.util.Arrays.copyOf(big, 1000)),
                f.frame(0, transfer(0, null, true, false), java.util.Arrays.copyOfRange(big, 1000, 2000)),
                f.frame(0, transfer(0, null, false, false), java.util.Arrays.copyOfRange(big, 2000, big.length))));
        Transfer abort = transfer(0, null, false, false);
        abort.setAborted(true);
        out.put("transfer-aborted", concat(sending, f.frame(0, transfer(0, 0L, true, false), new byte[] {0, 0x53}),
                f.frame(0, abort, null), f.frame(0, transfer(0, 1L, false, false), message)));
        Disposition accept = new Disposition();
        accept.setRole(Role.RECEIVER);
        accept.setFirst(UnsignedInteger.ZERO);
        accept.setLast(UnsignedInteger.valueOf(4));
        accept.setSettled(true);
        accept.setState(Accepted.getInstance());
        out.put("disposition", concat(receiving, f.frame(0, accept, null)));
        Detach detach = new Detach();
        detach.setHandle(UnsignedInteger.ZERO);
        detach.setClosed(true);
        detach.setError(new ErrorCondition(Symbol.valueOf("amqp:not-found"), "gone"));
        out.put("detach-error", concat(sending, f.frame(0, detach, null)));
        out.put("heartbeat", concat(opened, AmqpFrames.emptyFrame(), AmqpFrames.emptyFrame()));
        Close close = new Close();
        close.setError(new ErrorCondition(Symbol.valueOf("amqp:connection:forced"), "bye"));
        out.put("everything", concat(receiving, f.frame(0, attach("in", 0, true, "q"), null),
                f.frame(0, transfer(0, 0L, false, false), message), f.frame(0, accept, null), f.frame(0, detach, null),
                f.frame(0, new End(), null), f.frame(0, close, null)));
        out.put("second-session", concat(begun, f.frame(1, begin(null), null), f.frame(1, attach("x", 0, true, "q"), null)));
        return withChunkSizes(out);
    }

    /** Conversations after the SASL header: a mechanism chosen, then the AMQP header and frames. */
    static Map<String, byte[]> sasl() {
        AmqpFrames f = new AmqpFrames();
        Map<String, byte[]> out = new LinkedHashMap<>();
        SaslInit anonymous = new SaslInit();
        anonymous.setMechanism(Symbol.valueOf("ANONYMOUS"));
        anonymous.setInitialResponse(new Binary("trace".getBytes(StandardCharsets.UTF_8)));
        SaslInit plain = new SaslInit();
        plain.setMechanism(Symbol.valueOf("PLAIN"));
        plain.setInitialResponse(new Binary("\0user\0secret".getBytes(StandardCharsets.UTF_8)));
        SaslInit unknown = new SaslInit();
        unknown.setMechanism(Symbol.valueOf("X-UNKNOWN"));
        byte[] amqp = concat(AMQP_HEADER, f.frame(0, open("seed"), null), f.frame(0, begin(null), null),
                f.frame(0, attach("in", 0, true, "q"), null));
        out.put("anonymous", concat(f.saslFrame(anonymous), amqp));
        out.put("plain", concat(f.saslFrame(plain), amqp));
        out.put("unknown-mechanism", concat(f.saslFrame(unknown), amqp));
        out.put("init-only", f.saslFrame(anonymous));
        return withChunkSizes(out);
    }

    /** Each seed once read whole and once in small reads (the first byte picks the read size). */
    private static Map<String, byte[]> withChunkSizes(Map<String, byte[]> conversations) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        conversations.forEach((k, v) -> {
            out.put(k, concat(new byte[] {(byte) 0xff}, v));
            out.put(k + "-small-reads", concat(new byte[] {0}, v));
        });
        return out;
    }
}
