package io.jproton.compat;

import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.MessagingHandler;

/** Starts an in-container listener whose accepted connections use a given handler. */
final class Peer {
    private Peer() {}

    /** Listens on an ephemeral loopback port; every accepted connection is handled by {@code server}. */
    static Listener listen(Container c, MessagingHandler server) {
        return c.listen("127.0.0.1:0", new ListenHandler() {
            @Override
            public ConnectionOptions onAccept(Listener l) {
                return new ConnectionOptions().handler(server);
            }
        });
    }

    /** As {@link #listen}, but the listener stops after its first accept, so that run() can end by itself. */
    static Listener listenOnce(Container c, MessagingHandler server) {
        return c.listen("127.0.0.1:0", new ListenHandler() {
            @Override
            public ConnectionOptions onAccept(Listener l) {
                l.stop();
                return new ConnectionOptions().handler(server);
            }
        });
    }

    /**
     * Runs a client and a server handler over one loopback connection in one container, until
     * both connections have finished.
     *
     * @param client handles the connecting side
     * @param server handles the accepting side
     * @param start called with the client connection once it is created (in onContainerStart)
     */
    static void pair(MessagingHandler client, MessagingHandler server, java.util.function.Consumer<io.jproton.Connection> start)
            throws Exception {
        Run.bounded(new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                Listener l = listenOnce(c, server);
                start.accept(c.connect(url(l), new ConnectionOptions().handler(client)));
            }
        }));
    }

    static String url(Listener l) {
        return "127.0.0.1:" + l.port();
    }
}
