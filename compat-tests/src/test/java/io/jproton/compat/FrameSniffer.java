package io.jproton.compat;

import io.jproton.testkit.AmqpFrames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A TCP proxy on an ephemeral loopback port that records the AMQP frames going each way, decoded:
 * what a test asserts at frame level (as {@code PN_TRACE_FRM} shows them), whichever container
 * runs the ends. One proxied connection at a time.
 */
final class FrameSniffer implements AutoCloseable {
    /** A frame seen on the wire: sent by the client ({@code fromClient}) or by the server. */
    record Seen(boolean fromClient, AmqpFrames.Frame frame) {
        @Override
        public String toString() {
            return (fromClient ? "-> " : "<- ") + frame;
        }
    }

    private final ServerSocket server = new ServerSocket(0);
    private final int targetPort;
    private final List<Seen> seen = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();

    FrameSniffer(int targetPort) throws IOException {
        this.targetPort = targetPort;
        Thread acceptor = new Thread(this::acceptLoop, "sniffer-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** @return the AMQP frames (not SASL) seen so far, in the order each direction delivered them */
    synchronized List<Seen> frames() {
        return new ArrayList<>(seen);
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket in = server.accept();
                Socket out = new Socket("127.0.0.1", targetPort);
                synchronized (this) {
                    sockets.add(in);
                    sockets.add(out);
                }
                pump(in, out, true);
                pump(out, in, false);
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        Thread t = new Thread(() -> {
            AmqpFrames parser = new AmqpFrames();
            byte[] buf = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    List<AmqpFrames.Frame> frames = parser.read(Arrays.copyOf(buf, n));
                    synchronized (this) {
                        for (AmqpFrames.Frame f : frames) {
                            if (f.type() == 0) {
                                seen.add(new Seen(fromClient, f));
                            }
                        }
                    }
                    out.write(buf, 0, n); // recorded before it is passed on: the record is complete when the peer has it
                    out.flush();
                }
            } catch (IOException e) {
                // closed
            }
            closeQuietly(from);
            closeQuietly(to);
        }, "sniffer-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public synchronized void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }
}
