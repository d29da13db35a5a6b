package io.jproton.compat;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jproton.Authenticator;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.ReconnectOptions;
import io.jproton.ScramVerifier;
import io.jproton.SslClientOptions;
import io.jproton.SslVerifyMode;
import io.jproton.UserStore;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * SASL between our client and our listener: the client picks from what the listener offers (SCRAM
 * first), PLAIN needs TLS or permission on both sides, failures are authentication errors that do
 * not reconnect, and a listener with an authenticator tells its handler nothing of a refused client.
 */
public class SaslTest {
    private static final String ALICE = "alice";
    private static final String RIGHT = "s3cret-right";
    private static UserStore users;

    @BeforeClass
    public static void users() {
        users = new UserStore().add(ALICE, RIGHT.toCharArray());
    }

    private static ConnectionOptions server() {
        return new ConnectionOptions().authenticator(users);
    }

    private static ConnectionOptions login(String password) {
        return new ConnectionOptions().user(ALICE).password(password);
    }

    private static final List<String> AUTHENTICATED_SERVER = List.of("transport_open",
            "open mech=SCRAM-SHA-512 user=alice outcome=OK", "connection_close", "transport_close");

    @Test
    public void scramSha512IsPreferredAndTheListenerSeesTheUser() throws Exception {
        SaslPair p = SaslPair.run(server(), login(RIGHT));
        assertEquals(List.of("open mech=SCRAM-SHA-512 user=alice", "close"), p.client());
        assertEquals(AUTHENTICATED_SERVER, p.server.events());
    }

    @Test
    public void scramSha256WhenOnlyItIsAllowed() throws Exception {
        SaslPair p = SaslPair.run(server(), login(RIGHT).saslAllowedMechs("scram-sha-256"));
        assertEquals(List.of("open mech=SCRAM-SHA-256 user=alice", "close"), p.client());
        assertEquals("open mech=SCRAM-SHA-256 user=alice outcome=OK", p.server.events().get(1));
    }

    @Test
    public void aWrongPasswordIsAnAuthenticationErrorAndTheListenerHearsNothing() throws Exception {
        SaslPair p = SaslPair.run(server(), login("wrong"));
        assertEquals(List.of("error amqp:unauthorized-access: Authentication failed [mech=SCRAM-SHA-512]", "close"), p.client());
        assertEquals(List.of(), p.server.events());
    }

    @Test
    public void anUnknownUserIsRefusedAsAWrongPasswordIs() throws Exception {
        SaslPair p = SaslPair.run(server(), new ConnectionOptions().user("mallory").password(RIGHT));
        assertEquals(List.of("error amqp:unauthorized-access: Authentication failed [mech=SCRAM-SHA-512]", "close"), p.client());
        assertEquals(List.of(), p.server.events());
    }

    @Test
    public void plainWithoutTlsNeedsPermissionOnBothSides() throws Exception {
        ConnectionOptions plainClient = login(RIGHT).saslAllowedMechs("PLAIN").saslAllowInsecureMechs(true);
        SaslPair notOffered = SaslPair.run(server(), plainClient);
        assertEquals(List.of("error amqp:unauthorized-access: Authentication failed [mech=none]: no mechanism the server"
                + " offers (SCRAM-SHA-512 SCRAM-SHA-256) is allowed (PLAIN) and usable", "close"), notOffered.client());

        ConnectionOptions insecureServer = server().saslAllowInsecureMechs(true);
        SaslPair notAllowed = SaslPair.run(insecureServer, login(RIGHT).saslAllowedMechs("PLAIN"));
        assertEquals(2, notAllowed.client().size());
        assertTrue(notAllowed.client().get(0), notAllowed.client().get(0).contains(
                "PLAIN sends the password in clear: it needs TLS (amqps) or saslAllowInsecureMechs(true)"));

        SaslPair both = SaslPair.run(insecureServer, plainClient);
        assertEquals(List.of("open mech=PLAIN user=alice", "close"), both.client());
        assertEquals("open mech=PLAIN user=alice outcome=OK", both.server.events().get(1));

        SaslPair wrong = SaslPair.run(insecureServer, login("wrong").saslAllowedMechs("PLAIN").saslAllowInsecureMechs(true));
        assertEquals(List.of("error amqp:unauthorized-access: Authentication failed [mech=PLAIN]", "close"), wrong.client());
        assertEquals(List.of(), wrong.server.events());
    }

    @Test
    public void plainOverTlsNeedsNoPermission() throws Exception {
        TestTls.Cert cert = TestTls.make("sasl-localhost", "CN=localhost", "ip:127.0.0.1");
        SaslPair p = SaslPair.run("amqps", "127.0.0.1", server().sslServerOptions(cert.server()),
                login(RIGHT).saslAllowedMechs("PLAIN").sslClientOptions(new SslClientOptions(cert.pem(), SslVerifyMode.VERIFY_PEER_NAME)));
        assertEquals(List.of("open mech=PLAIN user=alice", "close"), p.client());
    }

    @Test
    public void aListenerWithoutAuthenticatorTakesAnyoneAnonymouslyAndNeverSeesThePassword() throws Exception {
        SaslPair p = SaslPair.run(new ConnectionOptions(), login(RIGHT).saslAllowInsecureMechs(true));
        assertEquals(List.of("open mech=ANONYMOUS user=anonymous", "close"), p.client());
        assertEquals("open mech=ANONYMOUS user=anonymous outcome=OK", p.server.events().get(1));
    }

    @Test
    public void noAllowedMechanismIsAnErrorNamingBothLists() throws Exception {
        SaslPair p = SaslPair.run(new ConnectionOptions(), login(RIGHT).saslAllowedMechs("PLAIN SCRAM-SHA-256"));
        assertEquals(List.of("error amqp:unauthorized-access: Authentication failed [mech=none]: no mechanism the server"
                + " offers (ANONYMOUS) is allowed (PLAIN SCRAM-SHA-256) and usable", "close"), p.client());
    }

    @Test
    public void anonymousOnlyWhereTheAuthenticatorAllowsIt() throws Exception {
        SaslPair refused = SaslPair.run(server(), new ConnectionOptions());
        assertEquals(2, refused.client().size());
        assertTrue(refused.client().get(0), refused.client().get(0).startsWith("error amqp:unauthorized-access:"
                + " Authentication failed [mech=none]: no mechanism the server offers (SCRAM-SHA-512 SCRAM-SHA-256)"));
        UserStore withAnonymous = new UserStore().allowAnonymous(true);
        SaslPair anonymous = SaslPair.run(new ConnectionOptions().authenticator(withAnonymous), new ConnectionOptions());
        assertEquals(List.of("open mech=ANONYMOUS user=anonymous", "close"), anonymous.client());
    }

    @Test
    public void anAuthenticationFailureDoesNotStartReconnecting() throws Exception {
        SaslPair p = SaslPair.run(server(), login("wrong").reconnect(new ReconnectOptions().delay(Duration.ofMillis(10))));
        assertEquals(List.of("error amqp:unauthorized-access: Authentication failed [mech=SCRAM-SHA-512]", "close"), p.client());
        assertEquals(1, p.accepts.get());
    }

    @Test
    public void anAuthenticatorThatThrowsRefusesWithSys() throws Exception {
        Authenticator broken = new Authenticator() {
            @Override
            public Set<String> mechanisms() {
                return Set.of("SCRAM-SHA-256");
            }

            @Override
            public ScramVerifier scramVerifier(String mechanism, String user) {
                throw new IllegalStateException("the user database is down");
            }
        };
        SaslPair p = SaslPair.run(new ConnectionOptions().authenticator(broken), login(RIGHT));
        assertEquals(List.of("error amqp:unauthorized-access: Authentication failed [mech=SCRAM-SHA-256]: the server"
                + " reports a system error (sasl-outcome sys)", "close"), p.client());
        assertEquals(List.of(), p.server.events());
    }

    /**
     * A client that pipelines its AMQP open frame behind a failed sasl-init (proton-j would hand it to
     * the AMQP layer): the listener neither opens the connection nor tells its handler, and sends
     * back the outcome and nothing of AMQP.
     */
    @Test
    public void aRefusedClientsPipelinedOpenNeverReachesTheListener() throws Exception {
        Recorder server = new Recorder();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Container container = new Container(new io.jproton.MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                Listener listener = c.listen("127.0.0.1:0", new ListenHandler() {
                    @Override
                    public ConnectionOptions onAccept(Listener l) {
                        l.stop();
                        return new ConnectionOptions().handler(server).authenticator(users).saslAllowInsecureMechs(true);
                    }
                });
                port.complete(listener.port());
            }
        });
        FutureTask<Void> run = Run.start(container);
        byte[] reply;
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port.get(Run.TIMEOUT_SECONDS, TimeUnit.SECONDS))) {
            s.setSoTimeout((int) (Run.TIMEOUT_SECONDS * 1000));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(RawSasl.SASL_HEADER);
            out.writeBytes(RawSasl.init("PLAIN", "\0alice\0wrong".getBytes(StandardCharsets.UTF_8)));
            out.writeBytes(RawSasl.amqpOpen());
            OutputStream o = s.getOutputStream();
            o.write(out.toByteArray());
            o.flush();
            reply = RawSasl.readToEnd(s.getInputStream());
        }
        Run.join(run);
        assertEquals(List.of(), server.events());
        assertFalse("no AMQP header came back", RawSasl.contains(reply, "AMQP\0\1\0\0"));
        byte[] refused = RawSasl.outcome(1);
        assertTrue("the outcome is auth", new String(reply, StandardCharsets.ISO_8859_1)
                .endsWith(new String(refused, StandardCharsets.ISO_8859_1)));
    }
}
