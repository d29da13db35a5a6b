package io.jproton.internal.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Delivery;
import io.jproton.ErrorCondition;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.ReconnectOptions;
import io.jproton.Sender;
import io.jproton.Transport;
import io.jproton.internal.engine.ConnectionDriver;
import io.jproton.internal.engine.EngineContext;
import io.jproton.internal.engine.EngineTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * One {@link SocketConnection} on a loop the test turns itself, on a fake clock: connect and
 * accept on real loopback sockets, the handshake timeout, reconnect, wake-ups, work, stop and the
 * idle release of frame buffers. Time moves only through {@link FakeTicker#advance}; every wait for
 * the network is bounded (turns and a few seconds of real time).
 */
public class SocketConnectionTest {
    private static final String HOST = "127.0.0.1";
    /** The most turns, and the most real time, a wait for the network may take. */
    private static final int MAX_TURNS = 500;
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** How long (real time) one waiting turn may block at most: the fake deadline of a pacing timer. */
    private static final Duration PACE = Duration.ofMillis(10);

    private final FakeTicker clock = new FakeTicker();
    private final KeepAlive keepAlive = new KeepAlive();
    private EventLoop loop;
    /** Every connection made, dropped after the test if it has not finished. */
    private final List<SocketConnection> made = new ArrayList<>();
    /** Each connection's onFinished calls, in order. */
    private final List<SocketConnection> finished = new ArrayList<>();
    /** Sockets and listeners the test opened itself. */
    private final List<java.nio.channels.Channel> channels = new ArrayList<>();

    @Before
    public void open() {
        loop = new EventLoop("remedy", Confinement.LOOP, keepAlive, clock);
        loop.thread(Thread.currentThread());
    }

    @After
    public void close() {
        for (SocketConnection c : made) {
            if (!c.finished()) {
                c.abort();
            }
        }
        for (java.nio.channels.Channel ch : channels) {
            try {
                ch.close();
            } catch (IOException e) {
                // closed either way
            }
        }
        loop.thread(null);
        loop.close();
    }

    // ---- the tests

    /** (1) A refused connect: one onTransportError with a proton:io condition naming host:port, then onTransportClose, finished once. */
    @Test
    public void aRefusedConnectReportsAnIoErrorNamingThePeerAndFinishesOnce() throws IOException {
        int port = refusedPort();
        Recorder h = new Recorder();
        SocketConnection c = client(new ConnectionOptions(), h);
        c.start(() -> c.connect(HOST, port));
        turnUntil("the refused connect finishes", c::finished);

        assertEquals(List.of("transportError proton:io", "transportClose"), h.events);
        assertTrue(h.transportError.description(), h.transportError.description().contains(HOST + ":" + port));
        assertTrue(h.transportError.description(), h.transportError.description().startsWith("connect to "));
        assertEquals(List.of(c), finished);
        assertEquals("finish cancels the handshake and idle timers", 0, loop.timerCount());

        clock.advance(ConnectionOptions.DEFAULT_HANDSHAKE_TIMEOUT);
        settle();
        assertEquals("nothing more happens to a finished connection", 2, h.events.size());
        assertEquals("onFinished is called once", 1, finished.size());
    }

    /**
     * (2) Connected to a peer that never speaks: the handshake timeout closes the connection with
     * amqp:resource-limit-exceeded at exactly the options' timeout on the loop's clock, and drops the socket.
     */
    @Test
    public void aPeerThatNeverOpensIsClosedAtTheHandshakeTimeoutAndNotBefore() throws IOException {
        Recorder h = new Recorder();
        SilentPeer silent = connectedToSilentPeer(new ConnectionOptions().handshakeTimeout(Duration.ofMillis(500)), h);
        SocketConnection c = silent.connection();
        SocketChannel peer = silent.peer();

        clock.advance(Duration.ofMillis(499));
        settle();
        assertEquals(List.of("transportOpen"), h.events);
        assertFalse(c.finished());

        clock.advance(Duration.ofMillis(1));
        turnUntil("the connection finishes", c::finished);
        assertEquals(List.of("transportOpen", "transportError amqp:resource-limit-exceeded", "transportClose"), h.events);
        assertTrue(h.transportError.description(), h.transportError.description().startsWith("handshake timeout"));
        assertTrue(h.transportError.description(), h.transportError.description().contains("500 ms"));
        assertEquals(List.of(c), finished);
        turnUntil("the peer sees the socket closed", () -> readToEnd(peer));
    }

    /**
     * (3) Reconnect with nothing listening: each attempt comes exactly at its delay on the fake
     * clock (100, 200, 400 ms), no callback runs meanwhile, and after maxAttempts the connection
     * gives up with one onTransportError and one onTransportClose.
     */
    @Test
    public void reconnectAttemptsComeAtTheirDelaysAndGiveUpAfterMaxAttempts() throws IOException {
        int port = refusedPort();
        Recorder h = new Recorder();
        SocketConnection c = client(new ConnectionOptions(), h);
        ConnectionDriver d = c.driver();
        c.reconnect(new ReconnectOptions().delay(Duration.ofMillis(100)).delayMultiplier(2).maxAttempts(3),
                List.<String[]>of(new String[] {HOST, Integer.toString(port)}));
        c.start(() -> c.connect(HOST, port));
        turnUntil("the first connect fails", d::awaitingReconnect);

        int attempts = 0;
        for (long delay : new long[] {100, 200, 400}) {
            EngineTransport before = d.io();
            clock.advance(Duration.ofMillis(delay - 1));
            settle();
            assertSame("attempt " + (attempts + 1) + " came before its " + delay + " ms", before, d.io());
            assertTrue(d.awaitingReconnect());
            clock.advance(Duration.ofMillis(1));
            loop.turn(false);
            assertNotSame("attempt " + (attempts + 1) + " did not come at " + delay + " ms", before, d.io());
            attempts++;
            turnUntil("attempt " + attempts + " fails", () -> d.awaitingReconnect() || c.finished());
            if (attempts < 3) {
                assertEquals("no callback while reconnecting", List.of(), h.events);
                assertFalse(c.finished());
            }
        }
        assertEquals(3, attempts);
        assertTrue("the connection gave up after 3 attempts", c.finished());
        assertEquals(List.of("transportError proton:io", "transportClose"), h.events);
        assertTrue(h.transportError.description(), h.transportError.description().contains(HOST + ":" + port));
        assertEquals(List.of(c), finished);
        assertEquals("no attempt is left waiting", 0, loop.timerCount());
        EngineTransport last = d.io();
        clock.advance(Duration.ofSeconds(10));
        settle();
        assertSame("no fourth attempt", last, d.io());
    }

    /**
     * A first connect that fails is invisible when the reconnect to the next target succeeds; once
     * open, a later loss starts the count and the delays over (attempt 1 again: the first delay, the second target).
     */
    @Test
    public void aReconnectToTheFailoverTargetOpensAndAnOpenConnectionStartsTheCountOver() throws IOException {
        int refused = refusedPort();
        ServerSocketChannel server = listener();
        Recorder h = new Recorder();
        SocketConnection c = client(new ConnectionOptions(), h);
        ConnectionDriver d = c.driver();
        c.reconnect(new ReconnectOptions().delay(Duration.ofMillis(100)).delayMultiplier(10).maxAttempts(5),
                List.<String[]>of(new String[] {HOST, Integer.toString(refused)}, new String[] {HOST, Integer.toString(port(server))}));
        c.start(() -> c.connect(HOST, refused));
        turnUntil("the first connect fails", d::awaitingReconnect);

        clock.advance(Duration.ofMillis(100));
        loop.turn(false); // attempt 1: the failover target
        SocketConnection s1 = serverFor(acceptOn(server), new Recorder());
        turnUntil("the connection opens", () -> h.events.contains("connectionOpen"));
        assertEquals("the failed first connect is not reported", List.of("transportOpen", "connectionOpen"), h.events);

        s1.abort(); // the peer drops the socket
        turnUntil("the loss is seen", d::awaitingReconnect);
        assertEquals(List.of("transportOpen", "connectionOpen"), h.events);
        clock.advance(Duration.ofMillis(99));
        settle();
        assertEquals(null, server.accept());
        clock.advance(Duration.ofMillis(1));
        loop.turn(false); // attempt 1 again: 100 ms, not 1000, and the failover target again
        SocketConnection s2 = serverFor(acceptOn(server), new Recorder());
        turnUntil("the connection opens again", () -> h.events.size() == 4);
        assertEquals(List.of("transportOpen", "connectionOpen", "transportOpen", "connectionOpen"), h.events);
        assertTrue(c.driver().connection().reconnected());
        assertFalse(s2.finished());
        assertEquals("the client never finished; the aborted server end calls no onFinished", List.of(), finished);
    }

    /** Stopping a connection that waits for its next attempt cancels the attempt and runs the closing callbacks at once. */
    @Test
    public void stopWhileWaitingToReconnectCancelsTheAttempt() throws IOException {
        int port = refusedPort();
        Recorder h = new Recorder();
        SocketConnection c = client(new ConnectionOptions(), h);
        ConnectionDriver d = c.driver();
        c.reconnect(new ReconnectOptions().delay(Duration.ofMillis(100)), List.<String[]>of(new String[] {HOST, Integer.toString(port)}));
        c.start(() -> c.connect(HOST, port));
        turnUntil("the first connect fails", d::awaitingReconnect);
        EngineTransport before = d.io();

        assertEquals("the attempt's and the idle release's timers", 2, loop.timerCount());

        c.stop(new ErrorCondition("test:stop", "stopping"));
        turnUntil("the connection finishes", c::finished);
        assertEquals("no error for a transport the stop dropped", List.of("transportClose"), h.events);
        assertEquals(List.of(c), finished);
        assertEquals("the attempt's and the stop grace's timers are cancelled when the connection finishes",
                0, loop.timerCount());
        clock.advance(Duration.ofSeconds(5));
        settle();
        assertSame("no attempt after the stop", before, d.io());
        assertEquals(0, loop.timerCount());
    }

    /** (4) Two wakes before the loop turns give one onConnectionWake; a wake after the connection finished is dropped. */
    @Test
    public void wakesBeforeATurnCoalesceAndAWakeAfterFinishIsDropped() throws IOException {
        Recorder h = new Recorder();
        SilentPeer silent = connectedToSilentPeer(new ConnectionOptions(), h);
        SocketConnection c = silent.connection();
        SocketChannel peer = silent.peer();

        c.wake();
        c.wake();
        settle();
        assertEquals(1, h.count("wake"));
        assertSame("onConnectionWake runs in the connection's context", c, h.wokenIn.get());
        c.wake(); // a wake after the last one ran is a new one
        settle();
        assertEquals(2, h.count("wake"));

        peer.close();
        turnUntil("the connection finishes", c::finished);
        c.wake();
        assertFalse("a wake after finish queues nothing", loop.hasQueuedWork());
        settle();
        assertEquals(2, h.count("wake"));
    }

    /** A wake from another thread runs onConnectionWake on the loop, once. */
    @Test
    public void aWakeFromAnotherThreadRunsOnTheLoop() throws Exception {
        Recorder h = new Recorder();
        SilentPeer silent = connectedToSilentPeer(new ConnectionOptions(), h);
        SocketConnection c = silent.connection();
        Thread other = new Thread(() -> {
            c.wake();
            c.wake();
        }, "waker");
        other.start();
        other.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(other.isAlive());
        assertEquals("nothing runs before the loop turns", 0, h.count("wake"));
        settle();
        assertEquals(1, h.count("wake"));
        assertSame(Thread.currentThread(), h.wokenOn.get());
    }

    /**
     * (5) addWork: true, and the work runs once, in the connection's context, holding the
     * keep-alive until it has run; once the connection has finished, false, and the work never runs.
     */
    @Test
    public void addWorkRunsOnceInTheConnectionsContextAndIsRefusedOnceFinished() throws IOException {
        int port = refusedPort();
        Recorder h = new Recorder();
        SocketConnection c = client(new ConnectionOptions(), h);
        c.start(() -> c.connect(HOST, port));
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<SocketConnection> ranIn = new AtomicReference<>();
        assertTrue(c.addWork(() -> {
            runs.incrementAndGet();
            ranIn.set(EventLoop.currentConnection());
        }));
        assertEquals("accepted work keeps the container running", 1, keepAlive.count());
        assertEquals("nothing runs before the loop turns", 0, runs.get());
        turnUntil("the refused connect finishes", c::finished);
        settle();
        assertEquals(1, runs.get());
        assertSame(c, ranIn.get());
        assertEquals(0, keepAlive.count());

        AtomicInteger late = new AtomicInteger();
        assertFalse("a finished connection refuses work", c.addWork(late::incrementAndGet));
        assertFalse(loop.hasQueuedWork());
        settle();
        assertEquals(0, late.get());
        assertEquals("refused work holds nothing", 0, keepAlive.count());
    }

    /** Work accepted before the connection finished runs even so: the promise is kept. */
    @Test
    public void workAcceptedBeforeTheConnectionFinishesStillRuns() throws IOException {
        ServerSocketChannel server = listener();
        SocketConnection c = client(new ConnectionOptions(), new Recorder());
        c.start(() -> c.connect(HOST, port(server)));
        acceptOn(server);
        AtomicInteger runs = new AtomicInteger();
        assertTrue(c.addWork(runs::incrementAndGet));
        c.abort();
        assertTrue(c.finished());
        settle();
        assertEquals(1, runs.get());
        assertEquals(0, keepAlive.count());
    }

    /** Scheduled connection work runs at its delay in the connection's context; the connection finished by then, it never runs. */
    @Test
    public void scheduledWorkRunsAtItsDelayUnlessTheConnectionHasFinished() throws IOException {
        ServerSocketChannel server = listener();
        Recorder h = new Recorder();
        SocketConnection c = client(new ConnectionOptions(), h);
        c.start(() -> c.connect(HOST, port(server)));
        SocketChannel peer = acceptOn(server);
        List<SocketConnection> ranIn = new ArrayList<>();
        c.schedule(Duration.ofMillis(50), () -> ranIn.add(EventLoop.currentConnection()));
        AtomicInteger late = new AtomicInteger();
        c.schedule(Duration.ofMillis(200), late::incrementAndGet);
        clock.advance(Duration.ofMillis(49));
        settle();
        assertEquals(List.of(), ranIn);
        clock.advance(Duration.ofMillis(1));
        settle();
        assertEquals(List.of(c), ranIn);

        peer.close();
        turnUntil("the connection finishes", c::finished);
        clock.advance(Duration.ofMillis(150));
        settle();
        assertEquals("work due after the connection finished never runs", 0, late.get());
        assertEquals(0, keepAlive.count());
    }

    /**
     * (6) stop() on a connection whose peer never answers the close: the socket is dropped after
     * the 2 s grace on the fake clock, not before, and the closing callback runs.
     */
    @Test
    public void stopDropsTheSocketAfterTheGraceWhenThePeerNeverAnswers() throws IOException {
        Recorder h = new Recorder();
        SilentPeer silent = connectedToSilentPeer(new ConnectionOptions(), h);
        SocketConnection c = silent.connection();
        SocketChannel peer = silent.peer();

        c.stop(new ErrorCondition("test:stop", "stopping"));
        settle();
        clock.advance(Duration.ofMillis(1999));
        settle();
        assertFalse("dropped before the grace was over", c.finished());
        assertFalse("the socket was closed before the grace was over", readToEnd(peer));

        clock.advance(Duration.ofMillis(1));
        turnUntil("the connection finishes", c::finished);
        assertEquals("the closing callback runs, without an error", List.of("transportOpen", "transportClose"), h.events);
        assertEquals(List.of(c), finished);
        turnUntil("the peer sees the socket closed", () -> readToEnd(peer));
        c.stop(null); // a second stop of a finished connection does nothing
        settle();
        assertEquals(1, finished.size());
    }

    /** stop() with a peer that answers the close: both ends finish at once, without waiting for the grace. */
    @Test
    public void stopWithAnAnsweringPeerFinishesWithoutWaitingForTheGrace() throws IOException {
        Recorder ch = new Recorder();
        Recorder sh = new Recorder();
        SocketConnection[] pair = openPair(ch, sh);
        SocketConnection c = pair[0];
        SocketConnection s = pair[1];

        c.stop(new ErrorCondition("test:stop", "stopping"));
        turnUntil("both ends finish", () -> c.finished() && s.finished());
        assertEquals(List.of("transportOpen", "connectionOpen", "transportClose"), ch.events);
        assertEquals(List.of("transportOpen", "connectionOpen", "connectionError test:stop", "connectionClose", "transportClose"), sh.events);
        assertEquals(2, finished.size());
    }

    /** A full AMQP conversation over loopback between a connect()ed and an accepted() connection on one loop. */
    @Test
    public void aConnectedAndAnAcceptedConnectionOpenSendAMessageAndClose() throws IOException {
        Recorder ch = new Recorder() {
            @Override
            public void onSendable(Sender sender) {
                if (!sent) {
                    sent = true;
                    sender.send(new Message("hello"));
                }
            }
        };
        Recorder sh = new Recorder() {
            @Override
            public void onMessage(Delivery delivery, Message message) {
                super.onMessage(delivery, message);
                delivery.connection().close();
            }
        };
        ServerSocketChannel server = listener();
        SocketConnection c = client(new ConnectionOptions(), ch);
        c.driver().connection().openSender("queue");
        c.start(() -> c.connect(HOST, port(server)));
        SocketConnection s = serverFor(acceptOn(server), sh);

        turnUntil("both ends finish", () -> c.finished() && s.finished());
        assertEquals(List.of("hello"), sh.bodies);
        assertEquals(List.of("transportOpen", "connectionOpen", "message", "connectionClose", "transportClose"), sh.events);
        assertEquals(List.of("transportOpen", "connectionOpen", "connectionClose", "transportClose"), ch.events);
        assertEquals(2, finished.size());
        assertEquals("the client's peer is the server's local end", s.localAddress(), c.peerAddress());
        assertEquals(c.localAddress(), s.peerAddress());
        assertEquals(new InetSocketAddress(HOST, port(server)), c.peerAddress());
        assertEquals(0, loop.timerCount());
    }

    /** A message larger than the socket buffers crosses in many reads and blocked writes, whole. */
    @Test
    public void aMessageLargerThanTheSocketBuffersArrivesWhole() throws IOException {
        byte[] big = new byte[4 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        Recorder ch = new Recorder() {
            @Override
            public void onSendable(Sender sender) {
                if (!sent) {
                    sent = true;
                    sender.send(new Message(big));
                }
            }
        };
        Recorder sh = new Recorder();
        ServerSocketChannel server = listener();
        SocketConnection c = client(new ConnectionOptions(), ch);
        c.driver().connection().openSender("queue");
        c.start(() -> c.connect(HOST, port(server)));
        serverFor(acceptOn(server), sh);
        turnUntil("the message arrives", () -> !sh.bodies.isEmpty());
        assertTrue(java.util.Arrays.equals(big, (byte[]) sh.bodies.get(0)));
        assertEquals(List.of(), finished);
    }

    /**
     * (7) After a second without I/O on the fake clock the connection has given back its frame
     * buffers (a second release finds nothing left), not before; the next message reallocates them.
     */
    @Test
    public void anIdleConnectionGivesBackItsFrameBuffersAfterASecond() throws IOException {
        Recorder ch = new Recorder();
        Recorder sh = new Recorder();
        SocketConnection[] pair = openPair(ch, sh);
        SocketConnection c = pair[0];
        SocketConnection s = pair[1];
        Sender sender = c.driver().connection().openSender("queue");
        turnUntil("the link opens", () -> sender.credit() > 0);

        clock.advance(Duration.ofMillis(ConnectionTimers.IDLE_RELEASE_MILLIS - 1));
        settle();
        assertTrue("the client still held its buffers a millisecond before the second was over",
                c.driver().io().releaseIdleBuffers() > 0); // (and gives them back now)
        clock.advance(Duration.ofMillis(1));
        settle();
        assertEquals("the server's buffers were given back when the second was over", 0, s.driver().io().releaseIdleBuffers());

        assertTrue(c.addWork(() -> sender.send(new Message("after idle"))));
        turnUntil("a message after the release arrives", () -> !sh.bodies.isEmpty());
        assertEquals(List.of("after idle"), sh.bodies);
        assertTrue("the buffers are allocated again for the new I/O", s.driver().io().releaseIdleBuffers() > 0);
    }

    /** Activity within the second moves the release on: the buffers go a second after the last I/O. */
    @Test
    public void activityPostponesTheRelease() throws IOException {
        Recorder ch = new Recorder();
        Recorder sh = new Recorder();
        SocketConnection[] pair = openPair(ch, sh);
        SocketConnection c = pair[0];
        SocketConnection s = pair[1];
        Sender sender = c.driver().connection().openSender("queue");
        turnUntil("the link opens", () -> sender.credit() > 0);

        clock.advance(Duration.ofMillis(600));
        assertTrue(c.addWork(() -> sender.send(new Message("at 600"))));
        turnUntil("the message arrives", () -> !sh.bodies.isEmpty());
        clock.advance(Duration.ofMillis(400)); // a second after the handshake, 400 ms after the message
        settle();
        assertTrue("the buffers were released although the connection was active 400 ms ago",
                s.driver().io().releaseIdleBuffers() > 0);
    }

    /** The peer drops the socket of an open connection: the loss is reported (onTransportError, then onTransportClose), once. */
    @Test
    public void aPeerThatDropsAnOpenConnectionsSocketEndsItWithAnError() throws IOException {
        Recorder ch = new Recorder();
        SocketConnection[] pair = openPair(ch, new Recorder());
        SocketConnection c = pair[0];
        pair[1].abort();
        turnUntil("the client finishes", c::finished);
        assertEquals(List.of("transportOpen", "connectionOpen", "transportError amqp:connection:framing-error", "transportClose"),
                ch.events);
        assertEquals(List.of(c), finished);
    }

    /** While the container stops, a peer that drops the socket is the expected end: onTransportClose without an error. */
    @Test
    public void whileTheContainerStopsAPeerThatDropsTheSocketIsNoError() throws IOException {
        Recorder ch = new Recorder();
        Recorder sh = new Recorder();
        boolean[] stopping = {false};
        ServerSocketChannel server = listener();
        SocketConnection c = client(new ConnectionOptions(), ch, () -> stopping[0]);
        c.start(() -> c.connect(HOST, port(server)));
        SocketConnection s = serverFor(acceptOn(server), sh);
        turnUntil("both ends open", () -> ch.events.contains("connectionOpen") && sh.events.contains("connectionOpen"));

        stopping[0] = true;
        s.abort();
        turnUntil("the client finishes", c::finished);
        assertEquals(List.of("transportOpen", "connectionOpen", "transportClose"), ch.events);
    }

    /** An accepted socket that cannot be used (closed already): onTransportError with proton:io, onTransportClose, finished. */
    @Test
    public void anAcceptedSocketThatCannotBeUsedEndsTheConnectionWithAnIoError() throws IOException {
        ServerSocketChannel server = listener();
        SocketChannel client = SocketChannel.open(new InetSocketAddress(HOST, port(server)));
        channels.add(client);
        SocketChannel accepted = acceptOn(server);
        accepted.close();
        Recorder sh = new Recorder();
        SocketConnection s = serverFor(accepted, sh);
        turnUntil("the connection finishes", s::finished);
        assertEquals(List.of("transportError proton:io", "transportClose"), sh.events);
        assertTrue(sh.transportError.description(), sh.transportError.description().startsWith("cannot use accepted socket"));
        assertEquals(List.of(s), finished);
    }

    /** A connection dropped by abort() runs no callback and does not call onFinished. */
    @Test
    public void abortDropsTheSocketWithoutCallbacks() throws IOException {
        Recorder h = new Recorder();
        SilentPeer silent = connectedToSilentPeer(new ConnectionOptions(), h);
        SocketConnection c = silent.connection();
        SocketChannel peer = silent.peer();
        c.abort();
        assertTrue(c.finished());
        turnUntil("the peer sees the socket closed", () -> readToEnd(peer));
        clock.advance(Duration.ofMinutes(2));
        settle();
        assertEquals(List.of("transportOpen"), h.events);
        assertEquals(List.of(), finished);
    }

    // ---- helpers

    /** A handler that records the callbacks the tests look at, and never throws. */
    static class Recorder implements MessagingHandler {
        final List<String> events = new ArrayList<>();
        final List<Object> bodies = new ArrayList<>();
        final AtomicReference<SocketConnection> wokenIn = new AtomicReference<>();
        final AtomicReference<Thread> wokenOn = new AtomicReference<>();
        ErrorCondition transportError;
        boolean sent;

        int count(String event) {
            return (int) events.stream().filter(event::equals).count();
        }

        @Override
        public void onTransportOpen(Transport transport) {
            events.add("transportOpen");
        }

        @Override
        public void onTransportError(Transport transport) {
            transportError = transport.error();
            events.add("transportError " + transport.error().name());
        }

        @Override
        public void onTransportClose(Transport transport) {
            events.add("transportClose");
        }

        @Override
        public void onConnectionOpen(Connection connection) {
            events.add("connectionOpen");
        }

        @Override
        public void onConnectionError(Connection connection) {
            events.add("connectionError " + connection.error().name());
        }

        @Override
        public void onConnectionClose(Connection connection) {
            events.add("connectionClose");
        }

        @Override
        public void onConnectionWake(Connection connection) {
            wokenIn.set(EventLoop.currentConnection());
            wokenOn.set(Thread.currentThread());
            events.add("wake");
        }

        @Override
        public void onMessage(Delivery delivery, Message message) {
            bodies.add(message.body());
            events.add("message");
        }

        @Override
        public void onError(ErrorCondition condition) {
            events.add("error " + condition);
        }
    }

    /** A client connection on the loop (not started): as ContainerBase.connect makes one. */
    private SocketConnection client(ConnectionOptions options, MessagingHandler handler) {
        return client(options, handler, () -> false);
    }

    /** A client connection, with whether its container is stopping. */
    private SocketConnection client(ConnectionOptions options, MessagingHandler handler, BooleanSupplier containerStopping) {
        SocketConnection c = new SocketConnection(loop, finished::add, containerStopping);
        c.driver(new ConnectionDriver(new EngineContext(null, handler), options, false, c));
        made.add(c);
        return c;
    }

    /** A listener's connection taking over an accepted socket: as ContainerBase.accept makes one. */
    private SocketConnection serverFor(SocketChannel socket, MessagingHandler handler) {
        SocketConnection s = new SocketConnection(loop, finished::add, () -> false);
        s.driver(new ConnectionDriver(new EngineContext(null, handler), new ConnectionOptions(), true, s));
        made.add(s);
        s.start(() -> s.accepted(socket));
        return s;
    }

    /** A client connection and the raw socket of its peer, which accepted and never speaks. */
    private record SilentPeer(SocketConnection connection, SocketChannel peer) { }

    /** @return a client connected to a raw peer that never speaks, once its transport is open */
    private SilentPeer connectedToSilentPeer(ConnectionOptions options, Recorder h) throws IOException {
        ServerSocketChannel server = listener();
        SocketConnection c = client(options, h);
        c.start(() -> c.connect(HOST, port(server)));
        SocketChannel peer = acceptOn(server);
        turnUntil("the transport opens", () -> h.events.contains("transportOpen"));
        return new SilentPeer(c, peer);
    }

    /** @return a client and a server connection, both open */
    private SocketConnection[] openPair(Recorder clientHandler, Recorder serverHandler) throws IOException {
        ServerSocketChannel server = listener();
        SocketConnection c = client(new ConnectionOptions(), clientHandler);
        c.start(() -> c.connect(HOST, port(server)));
        SocketConnection s = serverFor(acceptOn(server), serverHandler);
        turnUntil("both ends open", () -> clientHandler.events.contains("connectionOpen")
                && serverHandler.events.contains("connectionOpen"));
        return new SocketConnection[] {c, s};
    }

    /** @return a non-blocking listener on an ephemeral loopback port, closed after the test */
    private ServerSocketChannel listener() throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        channels.add(server);
        server.bind(new InetSocketAddress(HOST, 0));
        server.configureBlocking(false);
        return server;
    }

    private static int port(ServerSocketChannel server) {
        try {
            return ((InetSocketAddress) server.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @return a loopback port nothing listens on (one just bound and closed) */
    private static int refusedPort() throws IOException {
        try (ServerSocketChannel s = ServerSocketChannel.open()) {
            s.bind(new InetSocketAddress(HOST, 0));
            return port(s);
        }
    }

    /** Turns the loop until the listener has a connection, and accepts it (non-blocking, closed after the test). */
    private SocketChannel acceptOn(ServerSocketChannel server) {
        SocketChannel[] accepted = new SocketChannel[1];
        turnUntil("a connection to accept", () -> {
            try {
                accepted[0] = server.accept();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return accepted[0] != null;
        });
        channels.add(accepted[0]);
        return accepted[0];
    }

    /**
     * Reads (and discards) what a raw peer has been sent, without blocking.
     *
     * @return true once the other end has closed the socket
     */
    private static boolean readToEnd(SocketChannel peer) {
        try {
            peer.configureBlocking(false);
            ByteBuffer buf = ByteBuffer.allocate(4096);
            int n;
            while ((n = peer.read(buf)) > 0) {
                buf.clear();
            }
            return n < 0;
        } catch (IOException e) {
            return true; // reset by the other end: closed as well
        }
    }

    /** A few polling turns: whatever is ready now (I/O, due timers, work) runs, and what it made is flushed. */
    private void settle() {
        for (int i = 0; i < 3; i++) {
            loop.turn(false);
        }
    }

    /**
     * Turns the loop until the condition holds; fails after {@link #MAX_TURNS} turns or a few
     * seconds. A turn waits for I/O at most {@link #PACE} of real time (a pacing timer's fake
     * deadline, which never comes: the fake clock does not move here).
     */
    private void turnUntil(String what, BooleanSupplier done) {
        long start = System.nanoTime();
        TimerQueue.Timer pacer = null;
        try {
            for (int turns = 0; !done.getAsBoolean(); turns++) {
                if (turns >= MAX_TURNS || System.nanoTime() - start > MAX_WAIT_NANOS) {
                    fail(what + ": not after " + turns + " turns, " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
                }
                if (pacer == null) {
                    pacer = loop.schedule(PACE, () -> { });
                }
                loop.turn(true);
            }
        } finally {
            if (pacer != null) {
                pacer.cancel();
            }
        }
    }
}
