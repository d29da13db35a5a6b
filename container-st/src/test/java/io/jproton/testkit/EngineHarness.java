package io.jproton.testkit;

import io.jproton.ConnectionEngine;
import io.jproton.ConnectionOptions;
import io.jproton.ErrorCondition;
import io.jproton.MessagingHandler;
import io.jproton.Transport;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ConnectionEngine} that a test feeds raw bytes, as a peer on the network would send
 * them, and whose output it reads back as frames. Records the transport error the handler saw.
 * Not thread-safe.
 */
public final class EngineHarness {
    public final ConnectionEngine engine;
    private final AmqpFrames frames = new AmqpFrames();
    private final List<AmqpFrames.Frame> output = new ArrayList<>();
    private ErrorCondition transportError;
    private boolean transportClosed;

    private EngineHarness(MessagingHandler handler, ConnectionOptions options, boolean server) {
        engine = new ConnectionEngine(new MessagingHandlerRecorder(handler), options == null ? new ConnectionOptions() : options, server);
    }

    /** A server engine (the peer sends first) whose handler is {@code handler}, with transport errors recorded (not thrown). */
    public static EngineHarness server(MessagingHandler handler, ConnectionOptions options) {
        return new EngineHarness(handler, options, true);
    }

    /** A client engine, as {@link #server}. */
    public static EngineHarness client(MessagingHandler handler, ConnectionOptions options) {
        return new EngineHarness(handler, options, false);
    }

    /** Runs the callbacks and returns what the engine wrote since the last call (a client's first frames, say). */
    public List<AmqpFrames.Frame> output() {
        pump();
        return takeOutput();
    }

    /** Feeds the bytes (in as many reads as the engine's buffer needs), runs the callbacks, and returns the frames written since the last call. */
    public List<AmqpFrames.Frame> feed(byte[] bytes) {
        int pos = 0;
        while (pos < bytes.length) {
            ByteBuffer in = engine.readBuffer();
            if (in == null) {
                break; // input closed: the rest is not read, as a socket would not be
            }
            int n = Math.min(in.remaining(), bytes.length - pos);
            in.put(bytes, pos, n);
            engine.readDone(n);
            pos += n;
            pump();
        }
        pump();
        return takeOutput();
    }

    /** The peer closed its side: end of input. */
    public List<AmqpFrames.Frame> closeInput() {
        engine.readClose();
        pump();
        return takeOutput();
    }

    private void pump() {
        for (int i = 0; i < 100_000; i++) {
            boolean live = engine.dispatch();
            ByteBuffer out = engine.writeBuffer();
            if (out == null) {
                if (!live || !engine.dispatch()) {
                    return;
                }
                if (engine.writeBuffer() == null) {
                    return;
                }
                continue;
            }
            byte[] b = new byte[out.remaining()];
            out.get(b);
            engine.writeDone(b.length);
            output.addAll(frames.read(b));
        }
    }

    private List<AmqpFrames.Frame> takeOutput() {
        List<AmqpFrames.Frame> out = new ArrayList<>(output);
        output.clear();
        return out;
    }

    /** @return the condition of the first close frame among the frames, or null */
    public static org.apache.qpid.proton.amqp.transport.ErrorCondition closeCondition(List<AmqpFrames.Frame> frames) {
        for (AmqpFrames.Frame f : frames) {
            if (f.body() instanceof org.apache.qpid.proton.amqp.transport.Close c) {
                return c.getError();
            }
        }
        return null;
    }

    /** @return the error {@code onTransportError} reported, or null */
    public ErrorCondition transportError() {
        return transportError;
    }

    /** @return true once {@code onTransportClose} ran */
    public boolean transportClosed() {
        return transportClosed;
    }

    /** Passes every callback on, but records the transport's end instead of throwing for its error. */
    private final class MessagingHandlerRecorder implements MessagingHandler {
        private final MessagingHandler app;

        MessagingHandlerRecorder(MessagingHandler app) {
            this.app = app;
        }

        @Override
        public void onTransportError(Transport t) {
            transportError = t.error();
        }

        @Override
        public void onTransportClose(Transport t) {
            transportClosed = true;
        }

        @Override
        public void onConnectionOpen(io.jproton.Connection c) {
            app.onConnectionOpen(c);
        }

        @Override
        public void onSessionOpen(io.jproton.Session s) {
            app.onSessionOpen(s);
        }

        @Override
        public void onReceiverOpen(io.jproton.Receiver r) {
            app.onReceiverOpen(r);
        }

        @Override
        public void onSenderOpen(io.jproton.Sender s) {
            app.onSenderOpen(s);
        }

        @Override
        public void onMessage(io.jproton.Delivery d, io.jproton.Message m) {
            app.onMessage(d, m);
        }

        @Override
        public void onMessageDecodeError(io.jproton.Delivery d, ErrorCondition e) {
            app.onMessageDecodeError(d, e);
        }

        @Override
        public void onSendable(io.jproton.Sender s) {
            app.onSendable(s);
        }

        @Override
        public void onConnectionClose(io.jproton.Connection c) {
            app.onConnectionClose(c);
        }

        @Override
        public void onConnectionError(io.jproton.Connection c) {
            app.onConnectionError(c);
        }

        @Override
        public void onReceiverClose(io.jproton.Receiver r) {
            app.onReceiverClose(r);
        }

        @Override
        public void onTrackerSettle(io.jproton.Tracker t) {
            app.onTrackerSettle(t);
        }

        @Override
        public void onTrackerAccept(io.jproton.Tracker t) {
            app.onTrackerAccept(t);
        }

        @Override
        public void onError(ErrorCondition c) {
            app.onError(c);
        }
    }
}
