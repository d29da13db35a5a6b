package io.jproton.bench;

import io.jproton.Container;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.MessagingHandler;
import io.jproton.Transport;

/**
 * A peer for the memory benchmark, run in its own process: accepts every connection, opens what
 * the peer opens, accepts every message. Prints {@code listening on PORT}; runs until killed or
 * until its standard input closes (its parent has gone).
 */
public final class SinkServer {
    private SinkServer() {}

    /**
     * @param args {@code [HOST:PORT]}, default 127.0.0.1:0
     */
    public static void main(String[] args) {
        Thread parentWatch = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // nothing is sent; end of input means the parent has gone
                }
            } catch (java.io.IOException e) {
                // the same: the parent has gone
            }
            System.exit(0);
        }, "parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onTransportError(Transport t) {
                // a client that vanishes is no reason to stop serving the others
            }
        }, "sink");
        // the memory benchmark opens more connections than a listener keeps by default (4096)
        c.listen(args.length > 0 ? args[0] : "127.0.0.1:0", new ListenHandler() {
            @Override
            public void onOpen(Listener l) {
                System.out.println("listening on " + l.port());
                System.out.flush();
            }
        }, new io.jproton.ConnectionOptions().maxConnections(1_000_000));
        c.run();
    }
}
