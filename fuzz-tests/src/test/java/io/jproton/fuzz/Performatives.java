package io.jproton.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.jproton.Message;
import io.jproton.testkit.AmqpFrames;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.Modified;
import org.apache.qpid.proton.amqp.messaging.Rejected;
import org.apache.qpid.proton.amqp.messaging.Released;
import org.apache.qpid.proton.amqp.transport.Attach;
import org.apache.qpid.proton.amqp.transport.Begin;
import org.apache.qpid.proton.amqp.transport.Close;
import org.apache.qpid.proton.amqp.transport.DeliveryState;
import org.apache.qpid.proton.amqp.transport.Detach;
import org.apache.qpid.proton.amqp.transport.Disposition;
import org.apache.qpid.proton.amqp.transport.End;
import org.apache.qpid.proton.amqp.transport.ErrorCondition;
import org.apache.qpid.proton.amqp.transport.Flow;
import org.apache.qpid.proton.amqp.transport.Role;
import org.apache.qpid.proton.amqp.transport.Transfer;

/**
 * Well-framed AMQP performatives with fields the fuzzer picks: small channels, handles and
 * delivery-ids most of the time (so that frames meet each other's state), now and then any value.
 * Stateless; thread-safe.
 */
final class Performatives {
    private static final String[] NAMES = {"a", "b", "c"};

    private Performatives() {}

    /** @return one frame's bytes */
    static byte[] next(AmqpFrames f, FuzzedDataProvider d) {
        int channel = small(d, 3, 65535);
        Object body = switch (d.consumeInt(0, 9)) {
            case 0 -> {
                Begin b = AmqpFrames.begin(d.consumeBoolean() ? null : small(d, 3, 65535));
                if (d.consumeBoolean()) {
                    b.setHandleMax(UnsignedInteger.valueOf(small(d, 4, Integer.MAX_VALUE)));
                }
                yield b;
            }
            case 1 -> {
                Attach a = AmqpFrames.attach(NAMES[d.consumeInt(0, NAMES.length - 1)], small(d, 4, 70000), d.consumeBoolean(), "q");
                if (d.consumeBoolean()) {
                    a.setMaxMessageSize(org.apache.qpid.proton.amqp.UnsignedLong.valueOf(d.consumeLong()));
                }
                yield a;
            }
            case 2 -> {
                Flow fl = AmqpFrames.flow(small(d, 4, 70000), small(d, 20, Integer.MAX_VALUE), small(d, 20, Integer.MAX_VALUE));
                fl.setDrain(d.consumeBoolean());
                fl.setEcho(d.consumeBoolean());
                if (d.consumeBoolean()) {
                    fl.setHandle(null);
                }
                yield fl;
            }
            case 3 -> {
                Transfer t = AmqpFrames.transfer(small(d, 4, 70000), d.consumeBoolean() ? null : (long) small(d, 20, Integer.MAX_VALUE),
                        d.consumeBoolean(), d.consumeBoolean());
                t.setAborted(d.consumeInt(0, 7) == 0);
                if (d.consumeBoolean()) {
                    t.setState(state(d));
                }
                yield t;
            }
            case 4 -> {
                Disposition disp = new Disposition();
                disp.setRole(d.consumeBoolean() ? Role.RECEIVER : Role.SENDER);
                disp.setFirst(UnsignedInteger.valueOf(small(d, 20, Integer.MAX_VALUE)));
                if (d.consumeBoolean()) {
                    disp.setLast(UnsignedInteger.valueOf(small(d, 20, Integer.MAX_VALUE)));
                }
                disp.setSettled(d.consumeBoolean());
                disp.setState(state(d));
                yield disp;
            }
            case 5 -> {
                Detach det = new Detach();
                det.setHandle(UnsignedInteger.valueOf(small(d, 4, 70000)));
                det.setClosed(d.consumeBoolean());
                if (d.consumeBoolean()) {
                    det.setError(new ErrorCondition(Symbol.valueOf("amqp:x"), "fuzz"));
                }
                yield det;
            }
            case 6 -> new End();
            case 7 -> {
                Close c = new Close();
                if (d.consumeBoolean()) {
                    c.setError(new ErrorCondition(Symbol.valueOf(d.consumeBoolean() ? "amqp:connection:forced" : "amqp:x"), "fuzz"));
                }
                yield c;
            }
            case 8 -> AmqpFrames.open("again");
            default -> null;
        };
        if (body == null) {
            return d.consumeBoolean() ? AmqpFrames.emptyFrame() : d.consumeBytes(d.consumeInt(0, 64));
        }
        byte[] payload = null;
        if (body instanceof Transfer) {
            payload = switch (d.consumeInt(0, 2)) {
                case 0 -> new Message("fuzz").encode();
                case 1 -> new Message(new Binary(new byte[0]).getArray()).encode();
                default -> d.consumeBytes(d.consumeInt(0, 2000));
            };
        }
        return f.frame(channel, body, payload);
    }

    /** A small value most of the time, any up to {@code max} sometimes. */
    private static int small(FuzzedDataProvider d, int usual, int max) {
        int v = d.consumeInt(0, 9) == 0 ? d.consumeInt(0, max) : d.consumeInt(0, usual);
        return v & Integer.MAX_VALUE; // consumeInt(0, Integer.MAX_VALUE) can come back negative
    }

    private static DeliveryState state(FuzzedDataProvider d) {
        return switch (d.consumeInt(0, 4)) {
            case 0 -> Accepted.getInstance();
            case 1 -> new Rejected();
            case 2 -> Released.getInstance();
            case 3 -> new Modified();
            default -> null;
        };
    }
}
