package io.jproton.internal.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import org.apache.qpid.proton.engine.impl.TransportInput;
import org.apache.qpid.proton.engine.impl.TransportLayer;
import org.apache.qpid.proton.engine.impl.TransportOutput;
import org.apache.qpid.proton.engine.impl.TransportWrapper;
import org.slf4j.Logger;

/**
 * Gives back a transport's two frame buffers while its connection is idle.
 *
 * <p>proton-j gives every transport an input and an output buffer of the local max frame size
 * (64 KiB by default) and keeps them for the transport's life; it drops an empty one only when it
 * is larger than the JVM-wide {@code proton.transport_buffer_release_threshold} (2 MiB), so an idle
 * connection holds 128 KiB it does not use. This pass-through layer goes innermost under the
 * transport (before SASL and TLS), where it sees proton-j's frame parser and output adaptor, and
 * {@link #release()} drops their buffers when they hold no bytes: the step proton-j itself takes
 * above that threshold. proton-j allocates them again when the next bytes come or go.
 *
 * <p>proton-j has no call for this, so {@link #release()} reaches the parser's buffer field and the
 * adaptor's own release method by reflection (proton-j 0.35). Where they are not found (another
 * proton-j) it logs that once and does nothing: buffers are then kept, as before.
 *
 * <p>Thread-safety: confined to the connection's context, as the transport is.
 */
final class IdleBuffers implements TransportLayer {
    private static final Logger LOG = io.jproton.internal.engine.Loggers.ENGINE;
    private static final Field PARSER_INPUT;
    private static final Field ADAPTOR_OUTPUT;
    private static final Method ADAPTOR_RELEASE;

    static {
        Field input = null;
        Field output = null;
        Method release = null;
        try {
            String impl = "org.apache.qpid.proton.engine.impl.";
            input = Class.forName(impl + "FrameParser").getDeclaredField("_inputBuffer");
            Class<?> adaptor = Class.forName(impl + "TransportOutputAdaptor");
            output = adaptor.getDeclaredField("_outputBuffer");
            release = adaptor.getDeclaredMethod("release_buffers");
            input.setAccessible(true);
            output.setAccessible(true);
            release.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("idle connections keep their frame buffers: this proton-j does not have the expected fields ({})", e.toString());
            input = null;
            output = null;
            release = null;
        }
        PARSER_INPUT = input;
        ADAPTOR_OUTPUT = output;
        ADAPTOR_RELEASE = release;
    }

    private TransportInput parser;
    private TransportOutput adaptor;

    @Override
    public TransportWrapper wrap(TransportInput input, TransportOutput output) {
        parser = input;
        adaptor = output;
        return new PassThrough(input, output);
    }

    /**
     * Drops the frame buffers that hold no bytes now.
     *
     * @return how many bytes were given back
     */
    int release() {
        if (PARSER_INPUT == null || parser == null) {
            return 0;
        }
        int released = 0;
        try {
            if (PARSER_INPUT.getDeclaringClass().isInstance(parser)) {
                ByteBuffer in = (ByteBuffer) PARSER_INPUT.get(parser);
                if (in != null && in.position() == 0) {
                    PARSER_INPUT.set(parser, null);
                    released += in.capacity();
                }
            }
            if (ADAPTOR_OUTPUT.getDeclaringClass().isInstance(adaptor)) {
                ByteBuffer out = (ByteBuffer) ADAPTOR_OUTPUT.get(adaptor);
                if (out != null && out.position() == 0) {
                    ADAPTOR_RELEASE.invoke(adaptor);
                    released += out.capacity();
                }
            }
        } catch (ReflectiveOperationException e) {
            LOG.debug("could not release a transport's frame buffers", e);
        }
        return released;
    }

    /** Hands every call to proton-j's own input and output, unchanged. */
    private static final class PassThrough implements TransportWrapper {
        private final TransportInput input;
        private final TransportOutput output;

        PassThrough(TransportInput input, TransportOutput output) {
            this.input = input;
            this.output = output;
        }

        @Override
        public int capacity() {
            return input.capacity();
        }

        @Override
        public int position() {
            return input.position();
        }

        @Override
        public ByteBuffer tail() {
            return input.tail();
        }

        @Override
        public void process() {
            input.process();
        }

        @Override
        public void close_tail() {
            input.close_tail();
        }

        @Override
        public int pending() {
            return output.pending();
        }

        @Override
        public ByteBuffer head() {
            return output.head();
        }

        @Override
        public void pop(int bytes) {
            output.pop(bytes);
        }

        @Override
        public void close_head() {
            output.close_head();
        }
    }
}
