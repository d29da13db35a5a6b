package io.jproton;

import java.nio.ByteBuffer;

/**
 * Two {@link ConnectionEngine}s connected in memory: a client and a server handler talk AMQP to
 * each other with no sockets and no threads. A small test kit for handlers:
 *
 * <pre>{@code
 * EnginePair pair = new EnginePair(myClientHandler, myServerHandler);
 * pair.client().connection().openSender("q");
 * pair.run(1000);               // until both sides are idle or finished, at most 1000 rounds
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; use it from one thread.
 */
public final class EnginePair {
    private final ConnectionEngine client;
    private final ConnectionEngine server;

    /**
     * @param clientHandler handles the connecting side
     * @param serverHandler handles the accepting side
     */
    public EnginePair(MessagingHandler clientHandler, MessagingHandler serverHandler) {
        this(new ConnectionEngine(clientHandler, new ConnectionOptions(), false),
                new ConnectionEngine(serverHandler, new ConnectionOptions(), true));
    }

    /**
     * @param client the connecting engine
     * @param server the accepting engine
     */
    public EnginePair(ConnectionEngine client, ConnectionEngine server) {
        this.client = client;
        this.server = server;
    }

    /**
     * @return the client engine
     */
    public ConnectionEngine client() {
        return client;
    }

    /**
     * @return the server engine
     */
    public ConnectionEngine server() {
        return server;
    }

    /**
     * One round: dispatch both sides, then move every pending byte each way.
     *
     * @return true if any byte moved
     */
    public boolean pump() {
        client.dispatch();
        server.dispatch();
        boolean moved = transfer(client, server);
        moved |= transfer(server, client);
        return moved;
    }

    /**
     * Pumps until nothing moves and both sides are idle, or both have finished.
     *
     * @param maxRounds a bound, so that a handler that never goes quiet cannot hang the caller
     * @return the rounds used
     * @throws IllegalStateException if the bound was reached first
     */
    public int run(int maxRounds) {
        for (int round = 1; round <= maxRounds; round++) {
            boolean moved = pump();
            if (!moved) {
                client.dispatch();
                server.dispatch();
                if (!transfer(client, server) && !transfer(server, client)) {
                    return round;
                }
            }
        }
        throw new IllegalStateException("the engines were still busy after " + maxRounds + " rounds");
    }

    private static boolean transfer(ConnectionEngine from, ConnectionEngine to) {
        boolean moved = false;
        ByteBuffer out;
        while ((out = from.writeBuffer()) != null) {
            ByteBuffer in = to.readBuffer();
            if (in == null) {
                from.writeDone(out.remaining()); // the peer has stopped reading: drop what it will never see
                moved = true;
                continue;
            }
            int n = Math.min(out.remaining(), in.remaining());
            if (n == 0) {
                break;
            }
            ByteBuffer slice = out.duplicate();
            slice.limit(slice.position() + n);
            in.put(slice);
            to.readDone(n);
            from.writeDone(n);
            moved = true;
        }
        if (from.finished() && to.readBuffer() != null) {
            to.readClose(); // like a socket that closes once its transport has finished
            moved = true;
        }
        return moved;
    }
}
