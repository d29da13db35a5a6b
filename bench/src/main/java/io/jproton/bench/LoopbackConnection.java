package io.jproton.bench;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.MessagingHandler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A container running on its own thread with one open client connection to a listener of its own,
 * for the benchmarks that poke a live connection from another thread.
 */
final class LoopbackConnection {
    final Container container;
    final Connection connection;
    final Thread runner;

    private LoopbackConnection(Container container, Connection connection, Thread runner) {
        this.container = container;
        this.connection = connection;
        this.runner = runner;
    }

    /**
     * @param threads threads for run()
     * @param client the client connection's handler; its onConnectionOpen must call {@code opened.accept(c)}
     * @return once the client connection is open
     */
    static LoopbackConnection start(int threads, java.util.function.Function<java.util.function.Consumer<Connection>, MessagingHandler> client)
            throws InterruptedException {
        CountDownLatch open = new CountDownLatch(1);
        Connection[] conn = new Connection[1];
        MessagingHandler handler = client.apply(c -> {
            conn[0] = c;
            open.countDown();
        });
        Container container = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                Listener l = c.listen("127.0.0.1:0", new ListenHandler() {
                    @Override
                    public ConnectionOptions onAccept(Listener listener) {
                        listener.stop();
                        return new ConnectionOptions().handler(new MessagingHandler() { });
                    }
                });
                c.connect("127.0.0.1:" + l.port(), new ConnectionOptions().handler(handler));
            }
        });
        Thread runner = new Thread(() -> container.run(threads), "container");
        runner.start();
        if (!open.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("connection did not open");
        }
        return new LoopbackConnection(container, conn[0], runner);
    }
}
