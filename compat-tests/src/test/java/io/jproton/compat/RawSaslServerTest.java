package io.jproton.compat;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.ErrorCondition;
import io.jproton.MessagingHandler;
import io.jproton.ReconnectOptions;
import io.jproton.Transport;
import java.io.DataInputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * Our client against SASL servers written as raw bytes: it sends nothing but its header before the
 * server's mechanisms, picks only among those offered and allowed, never shows a password to a
 * server that did not offer a mechanism for it over a connection that may carry it, and reports
 * every refusal as Proton C++ does (amqp:unauthorized-access, "Authentication failed [mech=X]").
 */
public class RawSaslServerTest {
    private static final String SECRET = "s3cret-never-on-the-wire";

    /** Runs one client connection to the raw server; returns its events: "open", "error NAME: DESC", "close". */
    private static List<String> connect(RawSasl server, ConnectionOptions options) throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        MessagingHandler client = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                events.add("open user=" + c.user() + " mech=" + c.transport().sasl().mech());
                c.close();
            }

            @Override
            public void onTransportError(Transport t) {
                ErrorCondition e = t.error();
                events.add("error " + e.name() + ": " + e.description());
            }

            @Override
            public void onTransportClose(Transport t) {
                events.add("close");
            }
        };
        Run.bounded(new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                c.connect(server.url(), options.handler(client));
            }
        }));
        return new ArrayList<>(events);
    }

    private static ConnectionOptions alice() {
        return new ConnectionOptions().user("alice").password(SECRET);
    }

    /** Only ANONYMOUS offered, and the client has a password: ANONYMOUS with the user name as trace, and the connection opens. */
    @Test
    public void anonymousOnlyServerGetsAnonymousWithTheUserAsTrace() throws Exception {
        try (RawSasl server = new RawSasl()) {
            FutureTask<RawSasl.Init> seen = server.serve((s, in) -> {
                RawSasl.readHeader(in);
                assertNothingMore(s, in); // nothing before the server's mechanisms
                s.getOutputStream().write(RawSasl.SASL_HEADER);
                s.getOutputStream().write(RawSasl.mechanisms("ANONYMOUS"));
                RawSasl.Init init = RawSasl.parseInit(RawSasl.readFrame(in));
                s.getOutputStream().write(RawSasl.outcome(0));
                s.getOutputStream().write(RawSasl.amqpOpen());
                byte[] rest = RawSasl.closeWhenAsked(s, in);
                assertFalse(RawSasl.contains(rest, SECRET));
                return init;
            });
            assertEquals(List.of("open user=anonymous mech=ANONYMOUS", "close"), connect(server, alice()));
            RawSasl.Init init = seen.get(Run.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertEquals("ANONYMOUS", init.mechanism());
            assertEquals("alice", new String(init.response(), StandardCharsets.UTF_8));
            assertEquals("127.0.0.1", init.hostname());
        }
    }

    /** PLAIN offered without TLS: the client refuses to send the password, and says why. */
    @Test
    public void plainWithoutTlsIsNeverSentByDefault() throws Exception {
        try (RawSasl server = new RawSasl()) {
            FutureTask<byte[]> seen = server.serve((s, in) -> {
                RawSasl.readHeader(in);
                s.getOutputStream().write(RawSasl.SASL_HEADER);
                s.getOutputStream().write(RawSasl.mechanisms("PLAIN"));
                return RawSasl.readToEnd(in);
            });
            List<String> events = connect(server, alice());
            assertEquals(List.of("error amqp:unauthorized-access: Authentication failed [mech=none]: no mechanism the"
                    + " server offers (PLAIN) is allowed (EXTERNAL SCRAM-SHA-512 SCRAM-SHA-256 PLAIN ANONYMOUS) and usable:"
                    + " PLAIN sends the password in clear: it needs TLS (amqps) or saslAllowInsecureMechs(true)", "close"), events);
            byte[] after = seen.get(Run.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertEquals("nothing after the header", 0, after.length);
        }
    }

    /** Every failing outcome code is an authentication error naming the mechanism; none reconnects. */
    @Test
    public void everyFailingOutcomeIsAnAuthenticationErrorWithoutReconnect() throws Exception {
        String[] expected = {"Authentication failed [mech=PLAIN]",
            "Authentication failed [mech=PLAIN]: the server reports a system error (sasl-outcome sys)",
            "Authentication failed [mech=PLAIN]: the server reports a permanent system error (sasl-outcome sys-perm)",
            "Authentication failed [mech=PLAIN]: the server reports a temporary system error (sasl-outcome sys-temp)"};
        for (int code = 1; code <= 4; code++) {
            final int c = code;
            try (RawSasl server = new RawSasl()) {
                FutureTask<RawSasl.Init> seen = server.serve((s, in) -> {
                    RawSasl.readHeader(in);
                    s.getOutputStream().write(RawSasl.SASL_HEADER);
                    s.getOutputStream().write(RawSasl.mechanisms("PLAIN", "ANONYMOUS"));
                    RawSasl.Init init = RawSasl.parseInit(RawSasl.readFrame(in));
                    s.getOutputStream().write(RawSasl.outcome(c));
                    byte[] rest = RawSasl.readToEnd(in);
                    assertFalse("no AMQP after a failed outcome", RawSasl.contains(rest, "AMQP"));
                    return init;
                });
                List<String> events = connect(server, alice().saslAllowInsecureMechs(true)
                        .reconnect(new ReconnectOptions().delay(Duration.ofMillis(10))));
                assertEquals(List.of("error amqp:unauthorized-access: " + expected[code - 1], "close"), events);
                RawSasl.Init init = seen.get(Run.TIMEOUT_SECONDS, TimeUnit.SECONDS);
                assertEquals("PLAIN", init.mechanism());
                assertEquals("\0alice\0" + SECRET, new String(init.response(), StandardCharsets.UTF_8));
                assertEquals(1, server.accepts());
            }
        }
    }

    /** A server that drops the connection instead of answering the credentials refuses them. */
    @Test
    public void aServerThatClosesDuringSaslIsAnAuthenticationFailure() throws Exception {
        try (RawSasl server = new RawSasl()) {
            FutureTask<RawSasl.Init> seen = server.serve((s, in) -> {
                RawSasl.readHeader(in);
                s.getOutputStream().write(RawSasl.SASL_HEADER);
                s.getOutputStream().write(RawSasl.mechanisms("PLAIN"));
                return RawSasl.parseInit(RawSasl.readFrame(in)); // then closes
            });
            List<String> events = connect(server, alice().saslAllowInsecureMechs(true)
                    .reconnect(new ReconnectOptions().delay(Duration.ofMillis(10))));
            assertEquals(List.of("error amqp:unauthorized-access: Authentication failed [mech=PLAIN]: the server closed the"
                    + " connection during authentication", "close"), events);
            assertNotNull(seen.get(Run.TIMEOUT_SECONDS, TimeUnit.SECONDS));
            assertEquals(1, server.accepts());
        }
    }

    /** An ok outcome to a SCRAM exchange that skipped the server's proof does not open the connection. */
    @Test
    public void scramOkWithoutTheServersProofIsRefused() throws Exception {
        try (RawSasl server = new RawSasl()) {
            FutureTask<String> seen = server.serve((s, in) -> {
                RawSasl.readHeader(in);
                s.getOutputStream().write(RawSasl.SASL_HEADER);
                s.getOutputStream().write(RawSasl.mechanisms("SCRAM-SHA-256", "PLAIN"));
                RawSasl.Init init = RawSasl.parseInit(RawSasl.readFrame(in));
                s.getOutputStream().write(RawSasl.outcome(0)); // "ok" without challenge or signature
                s.getOutputStream().write(RawSasl.amqpOpen());
                RawSasl.readToEnd(in);
                return init.mechanism();
            });
            List<String> events = connect(server, alice());
            assertEquals(List.of("error amqp:unauthorized-access: Authentication failed [mech=SCRAM-SHA-256]: the server"
                    + " accepted without sending its SCRAM signature, so it has not proved that it knows the password",
                    "close"), events);
            assertEquals("SCRAM-SHA-256", seen.get(Run.TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
    }

    /** Fails if the client sends anything within a short while: it must wait for the server's mechanisms. */
    private static void assertNothingMore(Socket s, DataInputStream in) throws Exception {
        int timeout = s.getSoTimeout();
        s.setSoTimeout(300); // a bounded look for bytes that must not come, not a wait for an event
        try {
            int b = in.read();
            throw new AssertionError("the client sent " + b + " before the server's mechanisms");
        } catch (SocketTimeoutException expected) {
            // nothing came
        } finally {
            s.setSoTimeout(timeout);
        }
    }

}
