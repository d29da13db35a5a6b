package io.jproton.internal.sasl;

import java.nio.ByteBuffer;
import org.apache.qpid.proton.engine.Transport;
import org.apache.qpid.proton.engine.impl.TransportInput;
import org.apache.qpid.proton.engine.impl.TransportLayer;
import org.apache.qpid.proton.engine.impl.TransportOutput;
import org.apache.qpid.proton.engine.impl.TransportWrapper;

/**
 * A layer between proton-j's SASL layer and its AMQP layer that stays open while authentication
 * succeeds or has not ended, and shuts once it fails. proton-j hands the bytes after a sasl-outcome
 * to the AMQP layer whatever the outcome: a server would read the AMQP frames that a refused client
 * pipelined after its sasl-init (and open its connection), and a refused client would send its open
 * frame. Shut, the gate drops input and produces no output, so no AMQP frame crosses it.
 *
 * <p>Thread-safety: confined to the connection's context, as the transport is.
 */
public final class AuthGate implements TransportLayer {
    private boolean shut;

    /** Authentication failed: from now on no byte reaches or leaves the AMQP layer. */
    public void shut() {
        shut = true;
    }

    /** @return true once authentication has failed */
    public boolean isShut() {
        return shut;
    }

    @Override
    public TransportWrapper wrap(TransportInput input, TransportOutput output) {
        return new Gate(input, output);
    }

    private final class Gate implements TransportWrapper {
        private final TransportInput input;
        private final TransportOutput output;
        /** Where input goes once shut; made then, so that a connection that authenticates never holds it. */
        private ByteBuffer discard;
        private boolean tailClosed;

        Gate(TransportInput input, TransportOutput output) {
            this.input = input;
            this.output = output;
        }

        private ByteBuffer discard() {
            if (discard == null) {
                discard = ByteBuffer.allocate(512);
            }
            return discard;
        }

        @Override
        public int capacity() {
            if (!shut) {
                return input.capacity();
            }
            return tailClosed ? Transport.END_OF_STREAM : discard().remaining();
        }

        @Override
        public int position() {
            if (!shut) {
                return input.position();
            }
            return tailClosed ? Transport.END_OF_STREAM : discard().position();
        }

        @Override
        public ByteBuffer tail() {
            return shut ? discard() : input.tail();
        }

        @Override
        public void process() {
            if (shut) {
                discard().clear();
            } else {
                input.process();
            }
        }

        @Override
        public void close_tail() {
            tailClosed = true;
            if (!shut) {
                input.close_tail();
            }
        }

        @Override
        public int pending() {
            return shut ? Transport.END_OF_STREAM : output.pending();
        }

        @Override
        public ByteBuffer head() {
            return shut ? ByteBuffer.allocate(0) : output.head();
        }

        @Override
        public void pop(int bytes) {
            if (!shut) {
                output.pop(bytes);
            }
        }

        @Override
        public void close_head() {
            if (!shut) {
                output.close_head();
            }
        }
    }
}
