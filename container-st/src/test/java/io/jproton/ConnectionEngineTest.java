package io.jproton;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** The connection engine and the in-memory pair: AMQP without sockets or threads. */
public class ConnectionEngineTest {

    @Test
    public void twoEnginesExchangeMessagesInMemory() {
        List<Object> received = new ArrayList<>();
        int[] accepted = {0};
        MessagingHandler client = new MessagingHandler() {
            int sent;

            @Override
            public void onSendable(Sender s) {
                while (s.credit() > 0 && sent < 100) {
                    s.send(new Message(sent++));
                }
            }

            @Override
            public void onTrackerAccept(Tracker t) {
                if (++accepted[0] == 100) {
                    t.connection().close();
                }
            }
        };
        MessagingHandler server = new MessagingHandler() {
            @Override
            public void onMessage(Delivery d, Message m) {
                received.add(m.body());
            }
        };
        EnginePair pair = new EnginePair(client, server);
        pair.client().connection().openSender("q");
        pair.run(10_000);
        assertEquals(100, received.size());
        assertEquals(99, received.get(99));
        assertEquals(100, accepted[0]);
        assertTrue(pair.client().finished());
        assertTrue(pair.server().finished());
        assertFalse(pair.client().dispatch());
    }

    @Test
    public void wakeAndWorkRunInTheNextDispatch() throws Exception {
        List<String> events = new ArrayList<>();
        MessagingHandler client = new MessagingHandler() {
            @Override
            public void onConnectionWake(Connection c) {
                events.add("wake");
            }
        };
        EnginePair pair = new EnginePair(client, new MessagingHandler() { });
        pair.run(100);
        Connection c = pair.client().connection();
        Thread t = new Thread(() -> {
            c.wake();
            assertTrue(c.workQueue().add(() -> events.add("work")));
        });
        t.start();
        t.join(10_000);
        assertEquals(List.of(), events);
        pair.client().dispatch();
        assertEquals(List.of("wake", "work"), events);
    }

    @Test
    public void scheduledWorkRunsWhenTickReachesIt() {
        List<String> ran = new ArrayList<>();
        ConnectionEngine e = new ConnectionEngine(new MessagingHandler() { });
        e.tick(1000);
        e.connection().workQueue().schedule(Duration.ofMillis(50), () -> ran.add("50"));
        e.connection().workQueue().schedule(Duration.ofMillis(10), () -> ran.add("10"));
        assertEquals(1010, e.tick(1001));
        assertEquals(List.of(), ran);
        e.tick(1010);
        assertEquals(List.of("10"), ran);
        e.tick(1100);
        assertEquals(List.of("10", "50"), ran);
    }

    @Test
    public void workScheduledOnAConnectionThatFinishesBeforeItsDeadlineNeverRuns() {
        List<String> ran = new ArrayList<>();
        MessagingHandler client = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                c.workQueue().schedule(Duration.ofMillis(10), () -> ran.add("before"));
                c.workQueue().schedule(Duration.ofMillis(500), () -> ran.add("after"));
            }
        };
        EnginePair pair = new EnginePair(client, new MessagingHandler() { });
        pair.client().tick(1000);
        pair.run(100);
        pair.client().tick(1010);
        assertEquals("due while the connection lives: runs", List.of("before"), ran);
        pair.client().connection().close();
        pair.run(100);
        assertTrue(pair.client().finished());
        pair.client().tick(1600);
        assertEquals("due after it finished: dropped, as proton::work_queue::schedule", List.of("before"), ran);
    }

    @Test
    public void heartbeatsKeepAnIdleConnectionOpenOnAFakeClock() {
        List<String> errors = new ArrayList<>();
        MessagingHandler watch = new MessagingHandler() {
            @Override
            public void onTransportError(Transport t) {
                errors.add(String.valueOf(t.error()));
            }
        };
        EnginePair pair = new EnginePair(
                new ConnectionEngine(watch, new ConnectionOptions().idleTimeout(Duration.ofMillis(100)), false),
                new ConnectionEngine(watch, new ConnectionOptions().idleTimeout(Duration.ofMillis(100)), true));
        pair.client().tick(1);
        pair.server().tick(1);
        pair.run(100);
        assertTrue(pair.client().connection().active());
        long heartbeatRounds = 0;
        for (long now = 1; now <= 10_000; now += 10) { // 10 s of silence from the application, 100 timeout periods
            pair.client().tick(now);
            pair.server().tick(now);
            if (pair.pump()) {
                heartbeatRounds++;
            }
        }
        assertEquals(List.of(), errors);
        assertFalse(pair.client().finished());
        assertTrue("empty frames went each way (" + heartbeatRounds + " rounds moved bytes)", heartbeatRounds >= 100);
    }

    @Test
    public void aPeerThatFallsSilentIsClosedForIdleTimeoutOnAFakeClock() {
        List<String> errors = new ArrayList<>();
        MessagingHandler watch = new MessagingHandler() {
            @Override
            public void onTransportError(Transport t) {
                errors.add(String.valueOf(t.error()));
            }
        };
        EnginePair pair = new EnginePair(
                new ConnectionEngine(watch, new ConnectionOptions().idleTimeout(Duration.ofMillis(100)), false),
                new ConnectionEngine(new MessagingHandler() { }, new ConnectionOptions(), true));
        pair.client().tick(1);
        pair.run(100);
        assertTrue(pair.client().connection().active());
        long closedAt = -1;
        for (long now = 1; now <= 1000 && closedAt < 0; now++) { // the server is never pumped again: silent
            pair.client().tick(now);
            pair.client().dispatch();
            java.nio.ByteBuffer out;
            while ((out = pair.client().writeBuffer()) != null && out.hasRemaining()) {
                pair.client().writeDone(out.remaining()); // written to a peer that reads but never answers
            }
            pair.client().dispatch();
            if (!errors.isEmpty()) {
                closedAt = now;
            }
        }
        assertTrue("closed after " + closedAt + " ms of silence: not before the timeout, and within twice it", closedAt >= 100 && closedAt <= 200);
        assertTrue(errors.get(0), errors.get(0).contains("idle-timeout") || errors.get(0).contains("resource-limit-exceeded"));
    }

    @Test
    public void garbageInputIsATransportError() {
        List<String> events = new ArrayList<>();
        ConnectionEngine server = new ConnectionEngine(new MessagingHandler() {
            @Override
            public void onTransportError(Transport t) {
                events.add("error: " + t.error().name());
            }

            @Override
            public void onTransportClose(Transport t) {
                events.add("close");
            }
        }, new ConnectionOptions(), true);
        server.dispatch();
        byte[] junk = "GET / HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int off = 0;
        java.nio.ByteBuffer in;
        while (off < junk.length && (in = server.readBuffer()) != null) {
            int n = Math.min(in.remaining(), junk.length - off);
            in.put(junk, off, n);
            server.readDone(n);
            off += n;
        }
        if (server.readBuffer() != null) {
            server.readClose();
        }
        while (server.writeBuffer() != null) {
            server.writeDone(server.writeBuffer().remaining());
        }
        assertFalse(server.dispatch());
        assertEquals(2, events.size());
        assertTrue(events.get(0), events.get(0).startsWith("error: "));
        assertEquals("close", events.get(1));
    }

    @Test
    public void maxFrameSizeGivenInOnConnectionOpenApplies() {
        // as C++ code does: a server opens with options in onConnectionOpen, before its open frame goes out
        int[] seenByClient = {0};
        MessagingHandler server = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                c.open(new ConnectionOptions().maxFrameSize(4096));
            }
        };
        MessagingHandler client = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                seenByClient[0] = c.maxFrameSize(); // the peer's (the server's) advertised size
            }
        };
        EnginePair pair = new EnginePair(client, server);
        pair.run(100);
        assertEquals(4096, seenByClient[0]);
    }

    @Test
    public void maxFrameSizeTooLargeToApplyLateIsIgnoredNotThrown() {
        int[] seenByClient = {0};
        MessagingHandler server = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                c.open(new ConnectionOptions().maxFrameSize(1 << 20)); // more than the buffers: cannot apply
            }
        };
        MessagingHandler client = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                seenByClient[0] = c.maxFrameSize();
            }
        };
        new EnginePair(client, server).run(100);
        assertEquals("the size the connection was made with", 65535, seenByClient[0]);
    }

    @Test
    public void maxFrameSizeGivenWithTheConnectionIsAdvertised() {
        int[] seen = {0};
        MessagingHandler server = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                seen[0] = c.maxFrameSize(); // the peer's: the client's option
            }
        };
        EnginePair pair = new EnginePair(new ConnectionEngine(new MessagingHandler() { }, new ConnectionOptions().maxFrameSize(4096), false),
                new ConnectionEngine(server, new ConnectionOptions(), true));
        pair.run(100);
        assertEquals(4096, seen[0]);
    }
}
