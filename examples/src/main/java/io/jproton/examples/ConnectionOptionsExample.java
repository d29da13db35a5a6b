package io.jproton.examples;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.MessagingHandler;
import java.time.Duration;
import java.util.List;

/**
 * Per-connection options over the container's defaults, and a connection handler of its own, as
 * the C++ {@code connection_options}: {@code connection_options [URL]} (default
 * 127.0.0.1:5672/examples). Prints which handler got the events and the peer's max frame size and
 * idle timeout.
 */
public final class ConnectionOptionsExample implements MessagingHandler {
    private final String url;

    /**
     * @param url the URL to connect to
     */
    public ConnectionOptionsExample(String url) {
        this.url = url;
    }

    /** Gets this connection's events instead of the container's handler. */
    static final class Handler2 implements MessagingHandler {
        @Override
        public void onConnectionOpen(Connection c) {
            System.out.println("connection events going to handler_2");
            System.out.println("connection max_frame_size: " + c.maxFrameSize() + ", idle timeout: " + c.idleTimeout().toMillis());
            c.close();
        }
    }

    @Override
    public void onContainerStart(Container c) {
        c.connect(url, new ConnectionOptions().handler(new Handler2()).maxFrameSize(2468));
    }

    @Override
    public void onConnectionOpen(Connection c) {
        System.out.println("unexpected connection event on main handler");
        c.close();
    }

    /**
     * @param args {@code [URL]}
     */
    public static void main(String[] args) {
        List<String> rest = new Options("connection_options").parse(args);
        String url = rest.isEmpty() ? "127.0.0.1:5672/examples" : rest.get(0);
        Main.exitOnError(() -> {
            Container container = new Container(new ConnectionOptionsExample(url));
            container.clientConnectionOptions(new ConnectionOptions().maxFrameSize(12345).idleTimeout(Duration.ofMillis(15000)));
            container.run();
        });
    }
}
