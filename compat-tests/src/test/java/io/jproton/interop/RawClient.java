package io.jproton.interop;

import io.jproton.testkit.AmqpFrames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.qpid.proton.amqp.transport.Close;

/**
 * A client that speaks AMQP frame by frame over a plain socket, as a hostile peer does: it sends
 * whatever frames (or bytes) a test gives it and reads back the server's frames. Bounded: every
 * read gives up after a timeout. Not thread-safe.
 */
final class RawClient implements AutoCloseable {
    final AmqpFrames frames = new AmqpFrames();
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final ArrayDeque<AmqpFrames.Frame> received = new ArrayDeque<>();
    private boolean ended;

    RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(Proc.TIMEOUT_SECONDS));
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Closes a socket whose write has not finished in time (a blocking write has no timeout of its own). */
    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "raw-client-watchdog");
                t.setDaemon(true);
                return t;
            });

    /**
     * Sends bytes; false if the server has closed the connection (the write failed). A write the
     * server does not take within the timeout fails the test: the server has stopped reading.
     */
    boolean send(byte[]... parts) {
        boolean[] stuck = {false};
        java.util.concurrent.ScheduledFuture<?> watch = WATCHDOG.schedule(() -> {
            stuck[0] = true;
            try {
                socket.close();
            } catch (IOException e) {
                // closed either way
            }
        }, Proc.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        try {
            for (byte[] p : parts) {
                out.write(p);
            }
            out.flush();
            return true;
        } catch (IOException e) {
            if (stuck[0]) {
                throw new AssertionError("the server took nothing for " + Proc.TIMEOUT_SECONDS + " s: it has stopped reading");
            }
            return false;
        } finally {
            watch.cancel(false);
        }
    }

    /** Sends the AMQP header and an open, then waits for the server's open. */
    RawClient opened() throws IOException {
        send(AmqpFrames.AMQP_HEADER, frames.frame(0, AmqpFrames.open("hostile"), null));
        await(f -> f.body() instanceof org.apache.qpid.proton.amqp.transport.Open);
        return this;
    }

    /** Reads until a frame matches; fails the test if the connection ends or the timeout passes first. */
    AmqpFrames.Frame await(Predicate<AmqpFrames.Frame> wanted) throws IOException {
        AmqpFrames.Frame f;
        while ((f = next()) != null) {
            if (wanted.test(f)) {
                return f;
            }
        }
        throw new AssertionError("the connection ended before the expected frame");
    }

    /**
     * Reads until the server closes: returns its close frame's condition name ("" for a close
     * without an error), or null if the socket ended without a close frame.
     */
    String awaitClose() throws IOException {
        AmqpFrames.Frame f;
        while ((f = next()) != null) {
            if (f.body() instanceof Close c) {
                return c.getError() == null ? "" : c.getError().getCondition().toString();
            }
        }
        return null;
    }

    /** @return true once the server has closed the socket (reads to its end, skipping frames) */
    boolean ended() throws IOException {
        while (next() != null) {
            // skip
        }
        return ended;
    }

    /** Reads what the server has sent so far, without waiting (a well-behaved peer keeps reading as it writes). */
    void poll() throws IOException {
        byte[] buf = new byte[65536];
        while (!ended && in.available() > 0) {
            int n = in.read(buf, 0, Math.min(buf.length, in.available()));
            if (n < 0) {
                ended = true;
            } else {
                received.addAll(frames.read(Arrays.copyOf(buf, n)));
            }
        }
        while (received.size() > 1000) {
            received.poll(); // keep what a test may still look for, not all of it
        }
    }

    /** @return the next frame, or null at the end of the connection */
    AmqpFrames.Frame next() throws IOException {
        byte[] buf = new byte[65536];
        while (received.isEmpty() && !ended) {
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("nothing from the server within " + Proc.TIMEOUT_SECONDS + " s");
            } catch (IOException e) {
                n = -1; // reset: the server dropped the connection
            }
            if (n < 0) {
                ended = true;
            } else {
                received.addAll(frames.read(Arrays.copyOf(buf, n)));
            }
        }
        return received.poll();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
