package io.jproton.bench;

import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.MessagingHandler;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load for a broker: CONNECTIONS sender connections from one single-threaded container, each
 * sending COUNT 100-byte messages at-least-once to its own queue, so that many links (each with
 * the broker's credit window) keep the broker busy. Prints one line: count, seconds, msg/s.
 *
 * <p>Usage: {@code java -cp jproton-bench.jar io.jproton.bench.BrokerLoad HOST:PORT CONNECTIONS COUNT}.
 */
public final class BrokerLoad {
    private BrokerLoad() {}

    /**
     * @param args HOST:PORT CONNECTIONS COUNT
     */
    public static void main(String[] args) {
        System.setProperty("jproton.container", "st");
        String hostPort = args[0];
        int connections = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        AtomicLong accepted = new AtomicLong();
        long[] start = new long[1];
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container container) {
                start[0] = System.nanoTime();
                for (int i = 0; i < connections; i++) {
                    container.connect(hostPort, new ConnectionOptions().handler(
                            new MtScaling.W1Sender(count, accepted, "load-" + i)));
                }
            }
        });
        c.run();
        double seconds = (System.nanoTime() - start[0]) / 1e9;
        System.out.printf("%d messages in %.3f s: %.0f msg/s%n", accepted.get(), seconds, accepted.get() / seconds);
    }
}
