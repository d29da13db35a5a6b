package io.jproton.bench;

import io.jproton.Container;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.Tracker;
import io.jproton.Transport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap per idle open connection: opens COUNT connections (each with one session and one sending
 * link) from one single-threaded container to a {@link SinkServer} in another process, lets them
 * idle for 1.5 s, measures the heap after a full GC against the heap before, then has every connection send one message,
 * waits for every accept, and closes them all, checking each closes cleanly.
 *
 * <p>Usage: {@code java -cp jproton-bench.jar io.jproton.bench.ConnectionMemory [COUNT]} (default 10000).
 * Prints {@code connections=N heap_per_connection_kib=X exchanged=N closed_cleanly=N}; exits 1 if
 * any connection failed.
 */
public final class ConnectionMemory {
    private ConnectionMemory() {}

    /** How long the open connections stay idle before the heap is measured. */
    private static final java.time.Duration IDLE = java.time.Duration.ofMillis(1500);

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * @param args {@code [COUNT]}
     */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String classpath = System.getProperty("java.class.path");
        Process server = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, SinkServer.class.getName()).redirectErrorStream(true).start();
        boolean ok;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream()));
            String line = out.readLine();
            Matcher m = line == null ? null : Pattern.compile("listening on (\\d+)").matcher(line);
            if (m == null || !m.find()) {
                throw new IllegalStateException("sink server did not start: " + line);
            }
            Thread drain = new Thread(() -> { // the sink must never block on a full pipe: pass on what it says
                try {
                    for (String said; (said = out.readLine()) != null; ) {
                        System.err.println("sink: " + said);
                    }
                } catch (java.io.IOException e) {
                    // the sink has gone
                }
            }, "sink-output");
            drain.setDaemon(true);
            drain.start();
            ok = measure("127.0.0.1:" + m.group(1), count);
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        System.exit(ok ? 0 : 1);
    }

    /** Prints the top of the heap's class histogram (with -Djproton.bench.histogram=true), to see what a connection holds. */
    static void printHistogram() {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()});
            String[] lines = String.valueOf(out).split("\n");
            for (int i = 0; i < Math.min(30, lines.length); i++) {
                System.out.println(lines[i]);
            }
        } catch (javax.management.JMException e) {
            System.out.println("no histogram: " + e);
        }
    }

    static boolean measure(String url, int count) {
        long[] heap = new long[2];
        int[] opened = {0};
        int[] accepted = {0};
        int[] closedCleanly = {0};
        int[] errors = {0};
        List<Sender> senders = new ArrayList<>(count);
        Container container = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                heap[0] = usedHeapAfterGc();
                for (int i = 0; i < count; i++) {
                    c.connect(url).openSender("mem");
                }
            }

            @Override
            public void onSenderOpen(Sender s) {
                senders.add(s);
                if (++opened[0] == count) {
                    // idle means idle: connections give back their frame buffers after a second without I/O
                    s.container().schedule(IDLE, () -> {
                        heap[1] = usedHeapAfterGc();
                        if (Boolean.getBoolean("jproton.bench.histogram")) {
                            printHistogram();
                        }
                        for (Sender each : senders) {
                            // each sender in its own connection's context (any container)
                            each.workQueue().add(() -> each.send(new Message("one message")));
                        }
                    });
                }
            }

            @Override
            public void onTrackerAccept(Tracker t) {
                accepted[0]++;
                t.connection().close();
            }

            @Override
            public void onTransportError(Transport t) {
                if (errors[0]++ == 0) { // the count can no longer be reached: report, don't wait forever
                    t.connection().container().stop();
                }
                System.err.println("connection failed: " + t.error());
            }

            @Override
            public void onTransportClose(Transport t) {
                if (t.error() == null) {
                    closedCleanly[0]++;
                }
            }
        });
        container.run();
        double kib = (heap[1] - heap[0]) / 1024.0 / count;
        System.out.printf(java.util.Locale.ROOT, "connections=%d heap_per_connection_kib=%.1f exchanged=%d closed_cleanly=%d%n",
                count, kib, accepted[0], closedCleanly[0]);
        return errors[0] == 0 && accepted[0] == count && closedCleanly[0] == count;
    }

}
