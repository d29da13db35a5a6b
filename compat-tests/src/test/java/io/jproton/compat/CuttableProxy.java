package io.jproton.compat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP proxy on an ephemeral loopback port whose connections the test can cut at once, like a
 * network failure, and which can refuse new ones for a while (a peer that is down). A connection
 * it cannot make to the target is dropped as if refused.
 */
public final class CuttableProxy implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0);
    private final int targetPort;
    private final List<Socket> sockets = new ArrayList<>();
    private int accepted;
    private int connects;
    private boolean refusing;

    /** @param targetPort the loopback port connections are proxied to */
    public CuttableProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        Thread acceptor = new Thread(this::acceptLoop, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the proxy's own port */
    public int port() {
        return server.getLocalPort();
    }

    synchronized int accepted() {
        return accepted;
    }

    /** @return every TCP connection made to the proxy, refused ones included */
    synchronized int connects() {
        return connects;
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket in = server.accept();
                Socket out;
                synchronized (this) {
                    connects++;
                    if (refusing) {
                        in.setSoLinger(true, 0);
                        closeQuietly(in);
                        continue;
                    }
                }
                try {
                    out = new Socket("127.0.0.1", targetPort);
                } catch (IOException refused) {
                    in.setSoLinger(true, 0);
                    closeQuietly(in);
                    continue;
                }
                synchronized (this) {
                    accepted++;
                    sockets.add(in);
                    sockets.add(out);
                }
                pump(in, out);
                pump(out, in);
            }
        } catch (IOException e) {
            // closed
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // cut or closed
            }
            closeQuietly(from);
            closeQuietly(to);
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Drops every proxied connection and refuses new ones until {@link #accept()}: the peer is down
     * as far as the clients can tell, and nothing they send reaches the target meanwhile.
     */
    public synchronized void cutAndRefuse() {
        refusing = true;
        cutAll();
    }

    /** Proxies new connections again after {@link #cutAndRefuse()}. */
    public synchronized void accept() {
        refusing = false;
    }

    /** Drops every proxied connection at once (RST), without any AMQP close. */
    public synchronized void cutAll() {
        for (Socket s : sockets) {
            try {
                s.setSoLinger(true, 0);
            } catch (IOException e) {
                // already closed
            }
            closeQuietly(s);
        }
        sockets.clear();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        cutAll();
    }
}
