package io.jproton.interop;

import static io.jproton.testkit.AmqpFrames.attach;
import static io.jproton.testkit.AmqpFrames.begin;
import static io.jproton.testkit.AmqpFrames.concat;
import static io.jproton.testkit.AmqpFrames.flow;
import static io.jproton.testkit.AmqpFrames.transfer;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.Char;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Decimal128;
import io.jproton.Decimal32;
import io.jproton.Decimal64;
import io.jproton.Delivery;
import io.jproton.Described;
import io.jproton.ErrorCondition;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.ReceiverOptions;
import io.jproton.Sender;
import io.jproton.Symbol;
import io.jproton.testkit.AmqpFrames;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.apache.qpid.proton.amqp.messaging.Rejected;
import org.apache.qpid.proton.amqp.transport.Close;
import org.apache.qpid.proton.amqp.transport.Detach;
import org.apache.qpid.proton.amqp.transport.Disposition;
import org.apache.qpid.proton.amqp.transport.End;
import org.apache.qpid.proton.amqp.transport.Flow;
import org.apache.qpid.proton.amqp.transport.Transfer;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.Test;

/**
 * Hostile clients against our {@code broker} example with a 256 MiB heap: each test sends what one
 * hostile client of issue #10 sent (a value the decoder did not know, malformed sections, size
 * claims near 2 GiB, deep nesting, protocol-state violations, floods that once filled the heap,
 * sockets left half open, aborted and part-settled deliveries), checks what that client got
 * back, and then that the broker is still running and a well-behaved Python proton client still
 * completes a round trip. Each once stopped the whole broker. Subclasses name the container.
 */
public abstract class HostileClients {
    private static final Map<String, Proc> BROKERS = new HashMap<>();
    private static final Map<String, Integer> PORTS = new HashMap<>();
    private static Proc roundTrips;
    private int port;
    private Proc broker;

    /** @return "st" or "mt" */
    abstract String container();

    @Before
    public void broker() throws Exception {
        synchronized (BROKERS) {
            broker = BROKERS.get(container());
            if (broker == null || !broker.alive()) {
                List<String> cmd = new ArrayList<>(Peers.oursOn(container(), "broker", "-a", "127.0.0.1:0"));
                cmd.add(1, "-Xmx256m");
                broker = Proc.start(cmd);
                PORTS.put(container(), Integer.parseInt(broker.await("broker listening on (\\d+)")));
                BROKERS.put(container(), broker);
            }
            port = PORTS.get(container());
            if (roundTrips == null) {
                roundTrips = Proc.start(Peers.python("round_trips.py"));
            }
        }
    }

    static void stop(String container) {
        synchronized (BROKERS) {
            Proc p = BROKERS.remove(container);
            if (p != null) {
                p.close();
            }
            if (BROKERS.isEmpty() && roundTrips != null) {
                roundTrips.close();
                roundTrips = null;
            }
        }
    }

    @AfterClass
    public static void stopAll() {
        synchronized (BROKERS) {
            for (String c : new ArrayList<>(BROKERS.keySet())) {
                stop(c);
            }
        }
    }

    /** The broker is running and a well-behaved Python proton client completes a round trip. */
    private void stillServes() throws Exception {
        assertTrue("the broker is running: " + broker.output(), broker.alive());
        roundTrips.send("127.0.0.1:" + port + " well-behaved");
        String line = roundTrips.await("^(ok|fail).*");
        assertTrue("a Python round trip after the hostile client: " + line + "; broker: " + tail(broker.output()),
                line.startsWith("ok"));
    }

    private static List<String> tail(List<String> lines) {
        return lines.subList(Math.max(0, lines.size() - 20), lines.size());
    }

    private RawClient client() throws IOException {
        return new RawClient(port).opened();
    }

    /** A raw producer on channel 0, handle 0, to the address; returns once it has credit. */
    private RawClient producer(String address) throws IOException {
        RawClient c = client();
        c.send(c.frames.frame(0, begin(null), null), c.frames.frame(0, attach("p", 0, true, address), null));
        c.await(f -> f.body() instanceof Flow fl && fl.getHandle() != null && fl.getLinkCredit().longValue() > 0);
        return c;
    }

    /** Sends the payloads as messages (one frame each) and returns the outcome of each: "accepted", or the rejection condition. */
    private static List<String> outcomes(RawClient c, byte[]... payloads) throws IOException {
        for (int i = 0; i < payloads.length; i++) {
            c.send(c.frames.frame(0, transfer(0, (long) i, false, false), payloads[i]));
        }
        List<String> out = new ArrayList<>();
        while (out.size() < payloads.length) {
            AmqpFrames.Frame f = c.await(fr -> fr.body() instanceof Disposition);
            Disposition d = (Disposition) f.body();
            long last = d.getLast() == null ? d.getFirst().longValue() : d.getLast().longValue();
            for (long id = d.getFirst().longValue(); id <= last; id++) {
                out.add(outcome(d));
            }
        }
        return out;
    }

    /** Receives n messages from the address with a jproton client (which checks they decode). */
    private List<Message> take(String address, int n) throws Exception {
        List<Message> got = new ArrayList<>();
        AtomicReference<ErrorCondition> error = new AtomicReference<>();
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container cont) {
                cont.connect("127.0.0.1:" + port).openReceiver(address);
            }

            @Override
            public void onMessage(Delivery d, Message m) {
                got.add(m);
                if (got.size() == n) {
                    d.connection().close();
                }
            }

            @Override
            public void onError(ErrorCondition e) {
                error.set(e);
            }
        });
        runBounded(c);
        assertEquals("no error taking the messages back", null, error.get());
        return got;
    }

    private static void runBounded(Container c) throws Exception {
        Thread t = new Thread(c::run, "hostile-client");
        t.setDaemon(true);
        t.start();
        t.join(TimeUnit.SECONDS.toMillis(Proc.TIMEOUT_SECONDS));
        if (t.isAlive()) {
            fail("the client container did not finish within " + Proc.TIMEOUT_SECONDS + " s");
        }
    }

    // ---- values the decoder did not know, and values it decoded but could not encode back

    @Test
    public void valuesTheDecoderDidNotKnow() throws Exception {
        Message decimals = new Message(Decimal128.of(new BigDecimal("1.5")));
        decimals.properties().put("d", Decimal32.of(new BigDecimal("5")));
        decimals.messageAnnotations().put(Symbol.of("x-opt-d"), Decimal64.of(new BigDecimal("-2.5")));
        decimals.footer().put(Symbol.of("x-opt-f"), Decimal32.of(BigDecimal.ONE));
        Message chars = new Message(Char.of(0x1F600));
        chars.properties().put("c", Char.of(0x10FFFF));
        Described d = new Described(Symbol.of("x:d"), 1);
        Message arrays = new Message(List.of(new Object[] {d, d}, new Object[] {new int[] {1}, new int[] {2, 3}},
                new Object[] {List.of(1), List.of("a")}));
        arrays.messageAnnotations().put(7, "int key");
        try (RawClient c = producer("values")) {
            assertEquals(List.of("accepted", "accepted", "accepted"),
                    outcomes(c, MessageCodecBytes.of(decimals), MessageCodecBytes.of(chars), MessageCodecBytes.of(arrays)));
        }
        // the broker sends them on: encoding them back must not stop it either
        List<Message> back = take("values", 3);
        assertEquals(decimals.properties(), back.get(0).properties());
        assertEquals(Char.of(0x1F600), back.get(1).body());
        assertEquals(3, ((List<?>) back.get(2).body()).size());
        stillServes();
    }

    // ---- malformed messages cost their delivery only

    @Test
    public void malformedSectionsAreRejected() throws Exception {
        byte[] good = MessageCodecBytes.of(new Message("fine"));
        byte[][] bad = {
            java.util.Arrays.copyOf(good, good.length - 2), // truncated
            {0x12, 0x34, 0x56, 0x78}, // garbage
            {0x00, 0x53, 0x79, 0x40}, // unknown section descriptor
            {0x00, 0x53, 0x70, (byte) 0xc0, 0x03, 0x01, (byte) 0xa1, 0x00}, // header.durable as a string
        };
        try (RawClient c = producer("malformed")) {
            List<String> got = outcomes(c, concat(bad[0]), bad[1], bad[2], bad[3], good);
            assertEquals(List.of("amqp:decode-error", "amqp:decode-error", "amqp:decode-error", "amqp:decode-error", "accepted"), got);
        }
        stillServes();
    }

    @Test
    public void sizeClaimsNearTwoGibibytes() throws Exception {
        byte[][] claims = {
            {0x00, 0x53, 0x77, (byte) 0xb0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
            {0x00, 0x53, 0x77, (byte) 0xd0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0,
                0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40},
            {0x00, 0x53, 0x77, (byte) 0xf0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0,
                0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40},
        };
        try (RawClient c = producer("claims")) {
            assertEquals(List.of("amqp:decode-error", "amqp:decode-error", "amqp:decode-error"), outcomes(c, claims));
        }
        stillServes();
    }

    @Test
    public void deepNesting() throws Exception {
        java.io.ByteArrayOutputStream described = new java.io.ByteArrayOutputStream();
        described.write(new byte[] {0x00, 0x53, 0x77}, 0, 3);
        for (int i = 0; i < 100_000; i++) {
            described.write(new byte[] {0x00, 0x53, 0x01}, 0, 3);
        }
        described.write(0x40);
        java.io.ByteArrayOutputStream lists = new java.io.ByteArrayOutputStream();
        lists.write(new byte[] {0x00, 0x53, 0x77}, 0, 3);
        int depth = 20_000;
        for (int i = 0; i < depth; i++) {
            int size = (depth - i) * 9 - 4; // list32: size counts the count field and what follows
            lists.write(new byte[] {(byte) 0xd0, (byte) (size >> 24), (byte) (size >> 16), (byte) (size >> 8), (byte) size, 0, 0, 0, 1}, 0, 9);
        }
        lists.write(0x45);
        try (RawClient c = producer("nesting")) {
            // larger than one frame: sent as multi-frame messages, still far below the max message size
            assertEquals("amqp:decode-error", sendMultiFrame(c, 0, described.toByteArray()));
            assertEquals("amqp:decode-error", sendMultiFrame(c, 1, lists.toByteArray()));
        }
        stillServes();
    }

    private static String sendMultiFrame(RawClient c, long id, byte[] message) throws IOException {
        int chunk = 60_000;
        for (int at = 0; at < message.length; at += chunk) {
            boolean more = at + chunk < message.length;
            c.send(c.frames.frame(0, transfer(0, at == 0 ? id : null, more, false),
                    java.util.Arrays.copyOfRange(message, at, Math.min(message.length, at + chunk))));
        }
        return outcome((Disposition) c.await(fr -> fr.body() instanceof Disposition).body());
    }

    /** @return "accepted" (the outcome's name), or a rejection's condition */
    private static String outcome(Disposition d) {
        return d.getState() instanceof Rejected r ? r.getError().getCondition().toString()
                : String.valueOf(d.getState()).replaceAll("\\{.*", "").toLowerCase(java.util.Locale.ROOT);
    }

    // ---- protocol-state violations cost that connection only

    @Test
    public void protocolStateViolations() throws Exception {
        AmqpFrames f = new AmqpFrames();
        Detach detach = new Detach();
        detach.setHandle(UnsignedInteger.valueOf(4));
        Map<String, byte[]> cases = new java.util.LinkedHashMap<>();
        byte[] begun = f.frame(0, begin(null), null);
        cases.put("transfer on a handle never attached", concat(begun, f.frame(0, transfer(7, 0L, false, true), new byte[] {0, 0x53, 0x77, 0x40})));
        cases.put("second attach on a live handle", concat(begun, f.frame(0, attach("a", 0, true, "q"), null), f.frame(0, attach("b", 0, true, "q"), null)));
        cases.put("attach above handle-max", concat(begun, f.frame(0, attach("big", 65536, true, "q"), null)));
        cases.put("begin on a begun channel", concat(begun, begun));
        cases.put("begin above channel-max", f.frame(40000, begin(null), null));
        cases.put("begin answering nothing", f.frame(0, begin(3), null));
        cases.put("attach on a channel never begun", f.frame(5, attach("x", 0, true, "q"), null));
        cases.put("flow on a channel never begun", f.frame(2, flow(0, 0, 1), null));
        cases.put("flow for a handle never attached", concat(begun, f.frame(0, flow(3, 0, 1), null)));
        cases.put("detach of a handle never attached", concat(begun, f.frame(0, detach, null)));
        cases.put("end of a channel never begun", f.frame(6, new End(), null));
        cases.put("transfer on a channel never begun", f.frame(3, transfer(0, 0L, false, true), null));
        cases.put("second open", f.frame(0, AmqpFrames.open("again"), null));
        cases.put("link name attached twice", concat(begun, f.frame(0, attach("n", 0, true, "q"), null), f.frame(0, attach("n", 1, true, "q"), null)));
        cases.put("transfer on a link where the peer receives", concat(begun, f.frame(0, attach("r", 0, false, "q"), null),
                f.frame(0, transfer(0, 0L, false, true), null)));
        cases.put("transfer without a delivery-id", concat(begun, f.frame(0, attach("s", 0, true, "q"), null),
                f.frame(0, transfer(0, null, false, true), new byte[] {0, 0x53, 0x77, 0x40})));
        List<String> unanswered = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : cases.entrySet()) {
            try (RawClient c = client()) {
                c.send(e.getValue());
                String condition = c.awaitClose();
                if (condition == null || condition.isEmpty()) {
                    unanswered.add(e.getKey() + " -> " + condition);
                }
            }
        }
        assertEquals("every violation closes its connection with a condition", List.of(), unanswered);
        stillServes();
    }

    // ---- floods that once filled the heap

    @Test
    public void aConsumerThatNeverSettles() throws Exception {
        // a producer sends as fast as the broker lets it while a consumer takes everything and settles nothing
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger received = new AtomicInteger();
        byte[] body = new byte[500];
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container cont) {
                cont.connect("127.0.0.1:" + port).openSender("flood");
                // a hostile consumer: huge credit, and no limit of its own on unsettled deliveries
                cont.connect("127.0.0.1:" + port, new ConnectionOptions().maxUnsettled(Integer.MAX_VALUE))
                        .openReceiver("flood", new ReceiverOptions().autoAccept(false).creditWindow(1_000_000));
                cont.schedule(java.time.Duration.ofSeconds(10), cont::stop);
            }

            @Override
            public void onSendable(Sender s) {
                while (s.credit() > 0 && System.nanoTime() < until) {
                    s.send(new Message(body));
                    sent.incrementAndGet();
                }
                if (System.nanoTime() >= until) {
                    s.connection().close();
                }
            }

            @Override
            public void onMessage(Delivery d, Message m) {
                received.incrementAndGet(); // never settled
            }

            @Override
            public void onError(ErrorCondition e) {
                // the stop at the end
            }
        });
        runBounded(c);
        assertTrue("the producer got some way: " + sent, sent.get() > 1000);
        assertTrue("the consumer got no more than max unsettled per link: " + received, received.get() <= 10_000);
        stillServes();
    }

    @Test
    public void aMessageThatNeverEnds() throws Exception {
        try (RawClient c = producer("endless")) {
            byte[] chunk = new byte[64_000];
            c.send(c.frames.frame(0, transfer(0, 0L, true, false), chunk));
            long bytes = chunk.length;
            while (bytes < 255L << 20 && c.send(c.frames.frame(0, transfer(0, null, true, false), chunk))) {
                bytes += chunk.length;
            }
            // the broker closed the link when the message passed the max message size; the socket lived on
            AmqpFrames.Frame d = c.await(fr -> fr.body() instanceof Detach);
            assertEquals("amqp:link:message-size-exceeded", ((Detach) d.body()).getError().getCondition().toString());
            assertTrue("the client could go on sending: " + bytes, bytes >= 255L << 20);
        }
        stillServes();
    }

    @Test
    public void aProducerThatIgnoresCredit() throws Exception {
        try (RawClient c = producer("greedy")) {
            byte[] m = MessageCodecBytes.of(new Message("more"));
            for (long id = 0; id < 100_000 && c.send(c.frames.frame(0, transfer(0, id, false, true), m)); id++) {
                // as fast as the socket takes them, credit or not
            }
            assertEquals("amqp:link:transfer-limit-exceeded", c.awaitClose());
        }
        stillServes();
    }

    // ---- sockets

    @Test
    public void socketsClosedBeforeTheHeaderLeaveNothingOpen() throws Exception {
        for (int i = 0; i < 200; i++) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                if (i % 2 == 0) {
                    s.getOutputStream().write(new byte[] {'A', 'M', 'Q'});
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Proc.TIMEOUT_SECONDS);
        long left = closeWait(port);
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50); // polling the kernel's view of an outside process's sockets, not synchronising with it
            left = closeWait(port);
        }
        assertEquals("sockets of the broker's port left in CLOSE_WAIT (closed by the client, never by the broker)", 0, left);
        stillServes();
    }

    /** @return the sockets on this local port in CLOSE_WAIT (accepted or still in the backlog), from /proc/net/tcp */
    private static long closeWait(int port) throws IOException {
        String local = String.format(":%04X", port);
        long n = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[1].endsWith(local) && f[3].equals("08")) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    public void acceptingPausesWhileTheProcessIsOutOfFileDescriptors() throws Exception {
        // a broker of its own, with few file descriptors: more clients than it can accept make accept() fail
        List<String> java = new ArrayList<>(Peers.oursOn(container(), "broker", "-a", "127.0.0.1:0"));
        java.add(1, "-Xmx256m");
        List<String> cmd = List.of("bash", "-c", "ulimit -n 128 && exec \"$0\" \"$@\"");
        List<String> all = new ArrayList<>(cmd);
        all.addAll(java);
        try (Proc small = Proc.start(all)) {
            int p = Integer.parseInt(small.await("broker listening on (\\d+)"));
            List<java.net.Socket> flood = new ArrayList<>();
            try {
                for (int i = 0; i < 300; i++) {
                    flood.add(new java.net.Socket("127.0.0.1", p)); // the kernel accepts them; the broker cannot take them all
                }
                // once accept has failed, the broker is out of descriptors (the accepting before that, with
                // class loading and compilation, is not what this measures)
                small.await("accept on port \\d+ failed");
                long before = cpuTicks(small.pid());
                Thread.sleep(2000); // measuring the CPU the broker spends in two seconds of being out of descriptors
                long spent = cpuTicks(small.pid()) - before;
                assertTrue("the broker spent " + spent + " of 200 CPU ticks in 2 s: its accept loop spins", spent < 60);
                assertTrue(small.alive());
            } finally {
                for (java.net.Socket s : flood) {
                    s.close();
                }
            }
            roundTrips.send("127.0.0.1:" + p + " after-fd-exhaustion");
            String line = roundTrips.await("^(ok|fail).*");
            assertTrue("a round trip once descriptors are free again: " + line + "; broker: " + tail(small.output()),
                    line.startsWith("ok"));
        }
        stillServes();
    }

    /** @return the user and system CPU time of a process so far, in clock ticks (1/100 s) */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    // ---- multi-frame deliveries

    @Test
    public void anAbortedDeliveryIsDroppedAndTheNextFlows() throws Exception {
        try (RawClient c = producer("aborted")) {
            byte[] whole = MessageCodecBytes.of(new Message("after the abort"));
            c.send(c.frames.frame(0, transfer(0, 0L, true, false), java.util.Arrays.copyOf(whole, 4)));
            Transfer abort = transfer(0, null, false, false);
            abort.setAborted(true);
            c.send(c.frames.frame(0, abort, null), c.frames.frame(0, transfer(0, 1L, false, false), whole));
            c.await(fr -> fr.body() instanceof Disposition);
        }
        assertEquals("after the abort", take("aborted", 1).get(0).body());
        stillServes();
    }

    @Test
    public void aConsumerThatSettlesADeliveryPartWay() throws Exception {
        try (RawClient p = producer("partway")) {
            assertEquals("accepted", sendMultiFrame(p, 0, MessageCodecBytes.of(new Message(new byte[300_000]))));
            p.send(p.frames.frame(0, transfer(0, 1L, false, false), MessageCodecBytes.of(new Message("next"))));
            p.await(fr -> fr.body() instanceof Disposition);
        }
        try (RawClient c = client()) {
            c.send(c.frames.frame(0, begin(null), null), c.frames.frame(0, attach("c", 0, false, "partway"), null));
            c.await(fr -> fr.body() instanceof org.apache.qpid.proton.amqp.transport.Attach);
            // a session window of 10 frames: the broker must stop part way through the first delivery
            Flow credit = flow(0, 0, 2);
            credit.setIncomingWindow(UnsignedInteger.valueOf(10));
            c.send(c.frames.frame(0, credit, null));
            c.await(fr -> fr.body() instanceof Transfer t && t.getMore());
            Disposition settle = new Disposition();
            settle.setRole(org.apache.qpid.proton.amqp.transport.Role.RECEIVER);
            settle.setFirst(UnsignedInteger.ZERO);
            settle.setSettled(true);
            settle.setState(org.apache.qpid.proton.amqp.messaging.Accepted.getInstance());
            Flow window = flow(0, 0, 2);
            window.setHandle(null);
            window.setNextIncomingId(UnsignedInteger.valueOf(1));
            window.setIncomingWindow(UnsignedInteger.valueOf(100_000));
            c.send(c.frames.frame(0, settle, null), c.frames.frame(0, window, null));
            // the rest of the first delivery, then the second one, still come
            c.await(fr -> fr.body() instanceof Transfer t && t.getDeliveryId() != null && t.getDeliveryId().longValue() == 1
                    && !t.getMore());
        }
        stillServes();
    }

    // ---- closes and floods of endpoints

    @Test
    public void aClientThatForcesTheConnectionClosed() throws Exception {
        try (RawClient c = client()) {
            Close forced = new Close();
            forced.setError(new org.apache.qpid.proton.amqp.transport.ErrorCondition(
                    org.apache.qpid.proton.amqp.Symbol.valueOf("amqp:connection:forced"), "bye"));
            c.send(c.frames.frame(0, forced, null));
            assertEquals("the broker answers with its own close", "", c.awaitClose());
        }
        stillServes();
    }

    @Test
    public void linksAttachedAndDetachedInALoop() throws Exception {
        try (RawClient c = client()) {
            c.send(c.frames.frame(0, begin(null), null));
            Detach detach = new Detach();
            detach.setHandle(UnsignedInteger.ZERO);
            detach.setClosed(true);
            // 150,000 cycles: about 270 MB held once (1.8 KiB each), more than the broker's heap
            for (int i = 0; i < 150_000; i++) {
                c.send(c.frames.frame(0, attach("l" + i, 0, true, "churn"), null), c.frames.frame(0, detach, null));
                if (i % 100 == 0) {
                    c.poll(); // reading as it goes, as a peer does: the broker's replies flow
                }
            }
            c.send(c.frames.frame(0, new Close(), null));
            assertEquals("", c.awaitClose());
        }
        stillServes();
    }

    @Test
    public void tooManySessionsOrLinks() throws Exception {
        try (RawClient c = client()) {
            byte[] all = new byte[0];
            for (int ch = 0; ch < io.jproton.ConnectionOptions.DEFAULT_MAX_SESSIONS; ch++) {
                all = concat(all, c.frames.frame(ch, begin(null), null));
                if (ch % 1000 == 999) {
                    all = send(c, all);
                }
            }
            send(c, all);
            c.send(c.frames.frame(io.jproton.ConnectionOptions.DEFAULT_MAX_SESSIONS, begin(null), null));
            assertEquals("amqp:connection:framing-error", c.awaitClose());
        }
        try (RawClient c = client()) {
            c.send(c.frames.frame(0, begin(null), null));
            byte[] all = new byte[0];
            for (int h = 0; h <= io.jproton.ConnectionOptions.DEFAULT_MAX_LINKS; h++) {
                all = concat(all, c.frames.frame(0, attach("l" + h, h, true, "many"), null));
                if (h % 1000 == 999) {
                    all = send(c, all);
                }
            }
            send(c, all);
            assertEquals("amqp:resource-limit-exceeded", c.awaitClose());
        }
        stillServes();
    }

    private static byte[] send(RawClient c, byte[] bytes) {
        c.send(bytes);
        return new byte[0];
    }

    /** A message's bytes, as the codec writes them. */
    private static final class MessageCodecBytes {
        static byte[] of(Message m) {
            return m.encode();
        }
    }

}
