package io.jproton.bench;

import io.jproton.Container;
import io.jproton.ConnectionOptions;
import io.jproton.Delivery;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.ReceiverOptions;
import io.jproton.Sender;
import io.jproton.Tracker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Multi-threaded scaling on W1: C sender connections to a listener in the same container, each
 * sending COUNT 100-byte messages at-least-once to a receiver with credit window 1000; aggregate
 * msg/s with {@code run(1)} and {@code run(T)}, interleaved, medians, the ratio to run(1), and the
 * cores the process kept busy (CPU time over wall time, kernel work for its sockets included).
 *
 * <p>Usage: {@code java -cp jproton-bench.jar io.jproton.bench.MtScaling [COUNT [RUNS [MAX-THREADS]]]}.
 */
public final class MtScaling {
    private MtScaling() {}

    private static final byte[] BODY = new byte[100];

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** Cores the process kept busy during the last {@link #once} (its CPU time over the wall time). */
    static double lastCores;

    /** @return aggregate messages per second */
    public static double once(int connections, int threads, int count) {
        long cpu0 = OS.getProcessCpuTime();
        AtomicLong accepted = new AtomicLong();
        MessagingHandler server = new MessagingHandler() {
            @Override
            public void onMessage(Delivery d, Message m) {
                // accepted on return
            }
        };
        long[] times = new long[2];
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container container) {
                Listener[] l = new Listener[1];
                l[0] = container.listen("127.0.0.1:0", new ListenHandler() {
                    int n;

                    @Override
                    public ConnectionOptions onAccept(Listener listener) {
                        if (++n == connections) {
                            listener.stop();
                        }
                        return new ConnectionOptions().handler(server);
                    }
                });
                times[0] = System.nanoTime();
                for (int i = 0; i < connections; i++) {
                    container.connect("127.0.0.1:" + l[0].port(), new ConnectionOptions().handler(new W1Sender(count, accepted, "w1")));
                }
            }
        });
        c.receiverOptions(new ReceiverOptions().creditWindow(1000));
        c.run(threads);
        times[1] = System.nanoTime();
        lastCores = (OS.getProcessCpuTime() - cpu0) / (double) (times[1] - times[0]);
        if (accepted.get() != (long) connections * count) {
            throw new IllegalStateException("accepted " + accepted.get() + " of " + (long) connections * count);
        }
        return accepted.get() / ((times[1] - times[0]) / 1e9);
    }

    /** One W1 sender connection: sends COUNT messages as credit allows, closes after the last accept. */
    static final class W1Sender implements MessagingHandler {
        private final int count;
        private final AtomicLong accepted;
        private final String address;
        private int sent;
        private int acceptedHere;

        W1Sender(int count, AtomicLong accepted, String address) {
            this.count = count;
            this.accepted = accepted;
            this.address = address;
        }

        @Override
        public void onConnectionOpen(io.jproton.Connection c) {
            c.openSender(address);
        }

        @Override
        public void onSendable(Sender s) {
            while (s.credit() > 0 && sent < count) {
                s.send(new Message(BODY));
                sent++;
            }
        }

        @Override
        public void onTrackerAccept(Tracker t) {
            if (++acceptedHere == count) {
                accepted.addAndGet(count);
                t.connection().close();
            }
        }
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    /**
     * @param args [COUNT [RUNS [MAX-THREADS]]]
     */
    public static void main(String[] args) {
        System.setProperty("jproton.container", "mt");
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int maxThreads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<Integer> threadCounts = new ArrayList<>();
        for (int t = 1; t <= maxThreads; t *= 2) {
            threadCounts.add(t);
        }
        List<Integer> connectionCounts = new ArrayList<>(Arrays.asList(1, 2, 4));
        for (int cc = 8; cc <= maxThreads * 2; cc *= 2) {
            connectionCounts.add(cc);
        }
        // warm-up, long enough for the JIT to finish with the hot paths (else it takes a core from the first row)
        once(1, 1, Math.max(1000, count / 2));
        once(2, maxThreads, Math.max(1000, count / 4));
        System.out.printf("W1 at-least-once, %d messages per connection, %d runs interleaved, medians (processors: %d)%n",
                count, runs, Runtime.getRuntime().availableProcessors());
        StringBuilder header = new StringBuilder(String.format("%-12s", "connections"));
        for (int t : threadCounts) {
            header.append(String.format(" %16s", "run(" + t + ") msg/s"));
        }
        for (int t : threadCounts.subList(1, threadCounts.size())) {
            header.append(String.format(" %10s", "run(" + t + ")/1"));
        }
        for (int t : threadCounts) {
            header.append(String.format(" %9s", "cores(" + t + ")"));
        }
        System.out.println(header);
        for (int cc : connectionCounts) {
            List<List<Double>> rates = new ArrayList<>();
            List<List<Double>> cores = new ArrayList<>();
            threadCounts.forEach(t -> rates.add(new ArrayList<>()));
            threadCounts.forEach(t -> cores.add(new ArrayList<>()));
            for (int r = 0; r < runs; r++) {
                for (int i = 0; i < threadCounts.size(); i++) {
                    rates.get(i).add(once(cc, threadCounts.get(i), count));
                    cores.get(i).add(lastCores);
                }
            }
            StringBuilder line = new StringBuilder(String.format("%-12d", cc));
            double base = median(rates.get(0));
            for (List<Double> r : rates) {
                line.append(String.format(" %16.0f", median(r)));
            }
            for (List<Double> r : rates.subList(1, rates.size())) {
                line.append(String.format(" %9.2fx", median(r) / base));
            }
            for (List<Double> c : cores) {
                line.append(String.format(" %9.2f", median(c)));
            }
            System.out.println(line);
        }
    }
}
