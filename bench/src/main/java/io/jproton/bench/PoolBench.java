package io.jproton.bench;

import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.ReceiverOptions;
import io.jproton.mt.pool.SenderKey;
import io.jproton.mt.pool.SenderPool;
import io.jproton.mt.pool.SenderPoolOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;

/**
 * Application threads sending at-least-once to a broker, three ways, interleaved in one run:
 * <ul>
 * <li>{@code pool}: jproton's {@link SenderPool} of C connections, {@code pool.send(key, message, timeout)}
 *     per message (borrow, blocking send, return), the run ending when every future is accepted;
 * <li>{@code hand-written}: each thread with its own hand-written work-queue sender (the C++
 *     {@code multithreaded_client_flow_control} pattern, {@link HandWrittenSender}), T connections;
 * <li>{@code pooled-jms}: Qpid JMS 2.10 through pooled-jms 3.2.5 with C connections, persistent
 *     messages (each send waits for its accept, JMS's default), and {@code pooled-jms async} with
 *     JMS 2 completion listeners.
 * </ul>
 * 100-byte bodies; a jproton receiver drains each run's queue after it (not timed). The broker is
 * our {@code broker} example with {@code -t 2} and a queue limit above a run's messages, started as a
 * child process from the examples jar, or one given by URL (which must hold a whole run).
 *
 * <p>Usage: {@code java -cp jproton-bench.jar io.jproton.bench.PoolBench (--broker-jar JAR | --url HOST:PORT)
 * [--threads 16] [--connections 4] [--messages 10000] [--jms-messages 2000] [--runs 5]}.
 */
public final class PoolBench {
    private PoolBench() {}

    private static final byte[] BODY = new byte[100];
    private static final long TIMEOUT_SECONDS = 600;

    /** One way of sending: runs T threads of N messages to the queue, returns msg/s (accepted). */
    private interface Variant {
        double run(String queue, int threads, int perThread) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("jproton.container", "mt");
        Map<String, String> o = new LinkedHashMap<>(Map.of("--threads", "16", "--connections", "4", "--messages", "10000",
                "--jms-messages", "10000", "--runs", "5"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        int threads = Integer.parseInt(o.get("--threads"));
        int connections = Integer.parseInt(o.get("--connections"));
        int messages = Integer.parseInt(o.get("--messages"));
        int jmsMessages = Integer.parseInt(o.get("--jms-messages"));
        int runs = Integer.parseInt(o.get("--runs"));
        Process broker = null;
        String hostPort = o.get("--url");
        if (hostPort == null) {
            broker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    o.get("--broker-jar"), "broker", "-a", "127.0.0.1:0", "-t", "2", "-l", "10000000")
                    .redirectErrorStream(true).start();
            hostPort = "127.0.0.1:" + awaitPort(broker);
            brokerPid = broker.pid();
        }
        Container c = new Container(new MessagingHandler() { });
        c.autoStop(false);
        Thread runner = new Thread(() -> c.run(2), "bench-container");
        runner.start();
        String url = hostPort;
        Map<String, Variant> variants = new LinkedHashMap<>();
        variants.put("pool", (q, t, n) -> pool(c, url, q, t, n, new SenderPoolOptions().maxPerKey(connections)));
        variants.put("pool, T connections", (q, t, n) -> pool(c, url, q, t, n, new SenderPoolOptions().maxPerKey(threads)));
        variants.put("pool, inline completions", (q, t, n) -> pool(c, url, q, t, n,
                new SenderPoolOptions().maxPerKey(connections).completionExecutor(Runnable::run)));
        variants.put("hand-written", (q, t, n) -> handWritten(c, url, q, t, n));
        variants.put("pooled-jms", (q, t, n) -> jms(url, q, t, n, connections, false));
        variants.put("pooled-jms async", (q, t, n) -> jms(url, q, t, n, connections, true));
        if (o.containsKey("--only")) {
            variants.keySet().retainAll(List.of(o.get("--only").split(",")));
        }
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        try {
            int[] serial = {0};
            for (Map.Entry<String, Variant> v : variants.entrySet()) { // warm-up (the broker's JIT too), not counted
                int n = perThread(v.getKey(), messages, jmsMessages);
                drained(c, url, "warm-" + serial[0]++, v.getValue(), threads, n);
                results.put(v.getKey(), new ArrayList<>());
            }
            for (int r = 0; r < runs; r++) {
                for (Map.Entry<String, Variant> v : variants.entrySet()) {
                    double[] m = drained(c, url, "run-" + serial[0]++, v.getValue(), threads,
                            perThread(v.getKey(), messages, jmsMessages));
                    results.get(v.getKey()).add(m);
                    System.err.printf(Locale.ROOT, "run %d %-26s %9.0f msg/s  client %5.1f us/msg  broker %5.1f us/msg%n",
                            r + 1, v.getKey(), m[0], m[1], m[2]);
                }
            }
        } finally {
            c.stop();
            runner.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            if (broker != null) {
                broker.destroy();
            }
        }
        report(results, threads, connections, messages, jmsMessages, runs);
    }

    /** The synchronous JMS sender is slow: it sends at most {@code --jms-messages} per thread (its rate is what counts). */
    private static int perThread(String variant, int messages, int jmsMessages) {
        return variant.equals("pooled-jms") ? Math.min(messages, jmsMessages) : messages;
    }

    private static String awaitPort(Process broker) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8));
        Pattern p = Pattern.compile("broker listening on (\\d+)");
        for (String line; (line = r.readLine()) != null; ) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> r.lines().forEach(l -> { }), "broker-output");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new IllegalStateException("the broker did not start");
    }

    /**
     * Runs a variant, then drains its queue with a receiver (not timed: the broker holds a whole run,
     * {@code -l}, so that the rate measured is the senders' with the broker taking messages in only);
     * returns the variant's rate.
     */
    private static double[] drained(Container c, String url, String queue, Variant v, int threads, int perThread)
            throws Exception {
        int total = threads * perThread;
        long client0 = OS.getProcessCpuTime();
        long broker0 = brokerCpuNanos();
        double rate = v.run(queue, threads, perThread);
        double clientUs = (OS.getProcessCpuTime() - client0) / 1e3 / total;
        double brokerUs = brokerPid == 0 ? Double.NaN : (brokerCpuNanos() - broker0) / 1e3 / total;
        CountDownLatch received = new CountDownLatch(total);
        AtomicInteger extra = new AtomicInteger();
        c.connect(url, new ConnectionOptions().handler(new MessagingHandler() {
            @Override
            public void onConnectionOpen(io.jproton.Connection conn) {
                conn.openReceiver(queue, new ReceiverOptions().creditWindow(1000));
            }

            @Override
            public void onMessage(Delivery d, Message m) {
                if (received.getCount() == 0) {
                    extra.incrementAndGet();
                }
                received.countDown();
                if (received.getCount() == 0) {
                    d.connection().close();
                }
            }
        }));
        if (!received.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException(queue + ": " + received.getCount() + " messages not received");
        }
        return new double[] {rate, clientUs, brokerUs};
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private static long brokerPid;

    /** @return the broker child's CPU time (user and system, from /proc; 10 ms resolution), 0 if unknown */
    private static long brokerCpuNanos() {
        if (brokerPid == 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + brokerPid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // utime + stime, in 100 Hz ticks
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double pool(Container c, String url, String queue, int threads, int perThread, SenderPoolOptions options)
            throws Exception {
        int total = threads * perThread;
        CountDownLatch accepted = new CountDownLatch(total);
        AtomicInteger notAccepted = new AtomicInteger();
        try (SenderPool pool = new SenderPool(c, options)) {
            SenderKey key = SenderKey.of(url, queue);
            long t0 = System.nanoTime();
            runThreads(threads, () -> {
                for (int i = 0; i < perThread; i++) {
                    pool.send(key, new Message(BODY), Duration.ofSeconds(TIMEOUT_SECONDS)).whenComplete((out, e) -> {
                        if (e != null || !out.isAccepted()) {
                            notAccepted.incrementAndGet();
                        }
                        accepted.countDown();
                    });
                }
            });
            await(accepted, "pool accepts");
            double rate = total / ((System.nanoTime() - t0) / 1e9);
            if (notAccepted.get() > 0) {
                throw new IllegalStateException(notAccepted.get() + " messages not accepted");
            }
            return rate;
        }
    }

    private static double handWritten(Container c, String url, String queue, int threads, int perThread) throws Exception {
        CountDownLatch accepted = new CountDownLatch(threads * perThread);
        long t0 = System.nanoTime();
        runThreads(threads, () -> {
            HandWrittenSender s = new HandWrittenSender(c, url, queue, accepted);
            for (int i = 0; i < perThread; i++) {
                s.send(new Message(BODY));
            }
            await(accepted, "hand-written accepts");
            s.close();
        });
        return threads * perThread / ((System.nanoTime() - t0) / 1e9);
    }

    private static double jms(String url, String queue, int threads, int perThread, int connections, boolean async)
            throws Exception {
        CountDownLatch done = new CountDownLatch(threads * perThread);
        JmsPoolConnectionFactory pcf = JmsLoad.pool(url, connections);
        try {
            long t0 = System.nanoTime();
            runThreads(threads, () -> JmsLoad.send(pcf, queue, perThread, BODY, async, done));
            await(done, "JMS sends");
            return threads * perThread / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pcf.stop();
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void runThreads(int threads, Work work) throws Exception {
        List<Thread> all = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    work.run();
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "app-" + t);
            all.add(th);
            th.start();
        }
        for (Thread th : all) {
            th.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("a sending thread failed: " + errors.get(0), errors.get(0));
        }
    }

    private static void await(CountDownLatch l, String what) throws InterruptedException {
        if (!l.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException(what + ": " + l.getCount() + " missing after " + TIMEOUT_SECONDS + " s");
        }
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private static List<Double> column(List<double[]> runs, int i) {
        List<Double> out = new ArrayList<>();
        for (double[] r : runs) {
            out.add(r[i]);
        }
        return out;
    }

    private static void report(Map<String, List<double[]>> results, int threads, int connections, int messages, int jmsMessages,
            int runs) {
        double pool = results.containsKey("pool") ? median(column(results.get("pool"), 0)) : Double.NaN;
        System.out.printf(Locale.ROOT, "%d application threads, %d messages each (pooled-jms sync: %d), 100-byte bodies, "
                + "at-least-once, %d runs interleaved, medians (processors: %d; JVM: %s)%n", threads, messages,
                Math.min(messages, jmsMessages), runs, Runtime.getRuntime().availableProcessors(),
                String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
        System.out.println("| sender | connections | median msg/s | spread (min - max) | runs | pool / this "
                + "| client CPU us/msg | broker CPU us/msg |");
        System.out.println("|---|---:|---:|---:|---|---:|---:|---:|");
        for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
            List<Double> xs = column(e.getValue(), 0);
            StringBuilder each = new StringBuilder();
            for (double x : xs) {
                each.append(each.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.0f", x));
            }
            int conns = e.getKey().equals("hand-written") || e.getKey().equals("pool, T connections") ? threads : connections;
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f - %.0f | %s | %.2fx | %.1f | %.1f |%n", e.getKey(), conns,
                    median(xs), xs.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    xs.stream().mapToDouble(Double::doubleValue).max().orElse(0), each, pool / median(xs),
                    median(column(e.getValue(), 1)), median(column(e.getValue(), 2)));
        }
    }
}
