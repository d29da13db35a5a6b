package io.jproton.compat;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.ErrorCondition;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.MessagingHandler;
import io.jproton.Transport;
import io.jproton.testkit.AmqpFrames;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.apache.qpid.proton.amqp.transport.Close;
import org.apache.qpid.proton.amqp.transport.Open;
import org.junit.Test;

/**
 * Idle-timeout timing against a raw peer: the local timeout fires at the configured value, and
 * empty frames go out at half the peer's advertised timeout, each in the round that produced it
 * (both were twice as late once: the tick's output waited for the next tick). Margins are wide
 * enough for a loaded 2-core machine and still far from twice the value.
 */
public class IdleTimingTest {

    /** A container listening once with the options; returns its run, and completes the error the server saw. */
    private static FutureTask<Void> serve(ConnectionOptions options, CompletableFuture<Integer> port,
                                          CompletableFuture<ErrorCondition> error) {
        return Run.start(new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                Listener l = c.listen("127.0.0.1:0", new ListenHandler() {
                    @Override
                    public ConnectionOptions onAccept(Listener l) {
                        l.stop();
                        return null;
                    }
                }, options);
                port.complete(l.port());
            }

            @Override
            public void onTransportError(Transport t) {
                error.complete(t.error());
            }

            @Override
            public void onTransportClose(Transport t) {
                error.complete(null);
            }
        }));
    }

    @Test
    public void theLocalIdleTimeoutFiresAtTheConfiguredValue() throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        CompletableFuture<ErrorCondition> error = new CompletableFuture<>();
        FutureTask<Void> run = serve(new ConnectionOptions().idleTimeout(Duration.ofMillis(2000)), port, error);
        AmqpFrames f = new AmqpFrames();
        long closedAfter = -1;
        try (Socket s = new Socket("127.0.0.1", port.get(Run.TIMEOUT_SECONDS, TimeUnit.SECONDS))) {
            s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(Run.TIMEOUT_SECONDS));
            long start = System.nanoTime();
            s.getOutputStream().write(AmqpFrames.concat(AmqpFrames.AMQP_HEADER, f.frame(0, AmqpFrames.open("silent"), null)));
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            int n;
            boolean advertised = false;
            while (closedAfter < 0 && (n = in.read(buf)) > 0) {
                for (AmqpFrames.Frame fr : f.read(Arrays.copyOf(buf, n))) {
                    if (fr.body() instanceof Open o) {
                        assertEquals("half the timeout is advertised, as the spec recommends", 1000L, o.getIdleTimeOut().longValue());
                        advertised = true;
                    }
                    if (fr.body() instanceof Close c) {
                        closedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                        assertEquals("amqp:resource-limit-exceeded", c.getError().getCondition().toString());
                    }
                }
            }
            assertTrue(advertised);
        }
        assertTrue("closed after " + closedAfter + " ms, expected about 2000", closedAfter >= 1900 && closedAfter < 3000);
        ErrorCondition e = error.get(Run.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(e);
        assertTrue(e.toString(), e.description().contains("idle-timeout"));
        Run.join(run);
    }

    @Test
    public void emptyFramesGoOutAtHalfThePeersTimeout() throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        CompletableFuture<ErrorCondition> error = new CompletableFuture<>();
        FutureTask<Void> run = serve(new ConnectionOptions(), port, error);
        AmqpFrames f = new AmqpFrames();
        long[] emptyAt = new long[3];
        int seen = 0;
        try (Socket s = new Socket("127.0.0.1", port.get(Run.TIMEOUT_SECONDS, TimeUnit.SECONDS))) {
            s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(Run.TIMEOUT_SECONDS));
            Open open = AmqpFrames.open("slow");
            open.setIdleTimeOut(UnsignedInteger.valueOf(2000));
            long start = System.nanoTime();
            s.getOutputStream().write(AmqpFrames.concat(AmqpFrames.AMQP_HEADER, f.frame(0, open, null)));
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            int n;
            while (seen < emptyAt.length && (n = in.read(buf)) > 0) {
                for (AmqpFrames.Frame fr : f.read(Arrays.copyOf(buf, n))) {
                    if (fr.body() == null && seen < emptyAt.length) {
                        emptyAt[seen++] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    }
                }
            }
        }
        assertEquals(emptyAt.length, seen);
        // half of 2000 ms: the first near 1000 ms, then about every 1000 ms (twice that once)
        assertTrue("first empty frame after " + emptyAt[0] + " ms", emptyAt[0] >= 900 && emptyAt[0] < 1600);
        assertTrue("third empty frame after " + emptyAt[2] + " ms", emptyAt[2] >= 2700 && emptyAt[2] < 4200);
        error.get(Run.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Run.join(run);
    }
}
