package io.jproton.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.MessagingHandler;
import io.jproton.SslCertificate;
import io.jproton.SslServerOptions;
import io.jproton.UserStore;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Real clients authenticating to jproton: the {@code broker} example with {@code --users} (run on
 * the container this test run names), and a jproton TLS listener in this JVM. Python proton and
 * Proton C++ (built without Cyrus SASL: ANONYMOUS, PLAIN, EXTERNAL) with PLAIN, in clear where
 * both sides allow it and over TLS; Qpid JMS with SCRAM-SHA-256 and SCRAM-SHA-512; and our client
 * against the C++ broker, which offers only ANONYMOUS.
 */
public class SaslInteropTest {
    private static final String PASSWORD = "interop-s3cret";
    private static String users;
    private static Proc insecureBroker;
    private static String insecurePort;
    private static Proc broker;
    private static String port;

    @BeforeClass
    public static void brokers() throws Exception {
        users = Files.createTempDirectory("jproton-users").resolve("users").toString();
        assertEquals(List.of("user alice saved in " + users), Proc.start(Peers.ours("broker", "--add-user", users, "alice",
                PASSWORD)).finish());
        String container = System.getProperty("jproton.container");
        insecureBroker = Proc.start(Peers.oursOn(container, "broker", "-a", "127.0.0.1:0", "--users", users, "--allow-insecure"));
        insecurePort = insecureBroker.await("broker listening on (\\d+)");
        broker = Proc.start(Peers.oursOn(container, "broker", "-a", "127.0.0.1:0", "--users", users));
        port = broker.await("broker listening on (\\d+)");
    }

    @AfterClass
    public static void stop() {
        if (insecureBroker != null) {
            insecureBroker.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static List<String> cpp(String url, String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = url;
        System.arraycopy(args, 0, all, 1, args.length);
        try (Proc p = Proc.start(Peers.cpp("sasl_connect", all))) {
            return p.finish();
        }
    }

    private static List<String> python(String... args) throws Exception {
        try (Proc p = Proc.start(Peers.python("sasl_connect.py", args))) {
            return p.finish();
        }
    }

    @Test
    public void cppWithPlainInClearWhereBothSidesAllowIt() throws Exception {
        String url = "127.0.0.1:" + insecurePort;
        assertEquals(List.of("connected mech=PLAIN user=alice"), cpp(url, "--user", "alice", "--password", PASSWORD, "--insecure"));
        assertEquals(List.of("error: amqp:unauthorized-access: Authentication failed [mech=PLAIN]"),
                cpp(url, "--user", "alice", "--password", "wrong", "--insecure"));
        // C++ sends no password in clear by default, and speaks no SCRAM without Cyrus: nothing fits
        assertEquals(List.of("error: amqp:unauthorized-access: Authentication failed [mech=none]"),
                cpp(url, "--user", "alice", "--password", PASSWORD));
        // a broker that does not offer PLAIN in clear: nothing fits either
        assertEquals(List.of("error: amqp:unauthorized-access: Authentication failed [mech=none]"),
                cpp("127.0.0.1:" + port, "--user", "alice", "--password", PASSWORD, "--insecure"));
    }

    @Test
    public void pythonWithPlainInClearWhereTheBrokerAllowsIt() throws Exception {
        assertEquals(List.of("connected"), python("127.0.0.1:" + insecurePort, "alice", PASSWORD));
        List<String> wrong = python("127.0.0.1:" + insecurePort, "alice", "wrong");
        assertEquals(wrong.toString(), 1, wrong.size());
        assertTrue(wrong.get(0), wrong.get(0).startsWith("error: ")
                && wrong.get(0).contains("amqp:unauthorized-access") && wrong.get(0).contains("Authentication failed [mech=PLAIN]"));
        List<String> notOffered = python("127.0.0.1:" + port, "alice", PASSWORD);
        assertTrue(notOffered.toString(), notOffered.get(0).contains("amqp:unauthorized-access"));
    }

    private static jakarta.jms.Connection jms(String mechanisms, String password) throws Exception {
        jakarta.jms.Connection c = new JmsConnectionFactory("amqp://127.0.0.1:" + port + "?amqp.saslMechanisms=" + mechanisms)
                .createConnection("alice", password);
        c.start();
        return c;
    }

    @Test
    public void qpidJmsWithScram() throws Exception {
        for (String mech : new String[] {"SCRAM-SHA-256", "SCRAM-SHA-512"}) {
            jakarta.jms.Connection c = jms(mech, PASSWORD);
            try {
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                s.createProducer(s.createQueue("jms-scram")).send(s.createTextMessage(mech));
                assertEquals(mech, ((jakarta.jms.TextMessage) s.createConsumer(s.createQueue("jms-scram")).receive(20_000)).getText());
            } finally {
                c.close();
            }
            try {
                jms(mech, "wrong").close();
                fail("Qpid JMS connected with a wrong password");
            } catch (JMSSecurityException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("Authentication failed")
                        || expected.getMessage().contains("auth"));
            }
        }
    }

    @Test
    public void ourClientGetsAnonymousFromTheCppBrokerThatOffersNothingElse() throws Exception {
        try (Proc cppBroker = Proc.start(Peers.cpp("broker", "-a", "127.0.0.1:0"))) {
            String cppPort = cppBroker.await("broker listening on (\\d+)");
            String url = "amqp://alice:" + PASSWORD + "@127.0.0.1:" + cppPort;
            assertEquals(List.of("open mech=ANONYMOUS user=anonymous", "close"), OurClient.connect(url, new ConnectionOptions()));
            assertEquals(List.of("error amqp:unauthorized-access: Authentication failed [mech=none]: no mechanism the server"
                    + " offers (ANONYMOUS) is allowed (PLAIN) and usable", "close"),
                    OurClient.connect(url, new ConnectionOptions().saslAllowedMechs("PLAIN")));
        }
    }

    /** Python and C++ with PLAIN over TLS to a jproton listener that requires authentication: no permission needed. */
    @Test
    public void plainOverTlsFromPythonAndCpp() throws Exception {
        String certs = TestCertificates.make();
        UserStore store = UserStore.load(Path.of(users)).add("stop", "stop-pw".toCharArray()); // "stop" ends the listener
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container container) {
                container.serverConnectionOptions(new ConnectionOptions()
                        .sslServerOptions(new SslServerOptions(new SslCertificate(certs + "tserver-certificate.pem",
                                certs + "tserver-private-key.pem", "tserverpw")))
                        .authenticator(store));
                container.listen("amqps://127.0.0.1:0", new ListenHandler() {
                    @Override
                    public void onOpen(Listener l) {
                        listening.complete(l.port());
                    }
                });
            }

            @Override
            public void onTransportClose(io.jproton.Transport t) {
                if ("stop".equals(t.connection().user())) {
                    t.connection().container().stop();
                }
            }
        });
        CompletableFuture<Void> run = CompletableFuture.runAsync(c::run);
        String url = "amqps://127.0.0.1:" + listening.get(60, TimeUnit.SECONDS);
        String ca = certs + "tserver-certificate.pem";
        assertEquals(List.of("connected mech=PLAIN user=alice"), cpp(url, "--user", "alice", "--password", PASSWORD, "--ca", ca));
        assertEquals(List.of("error: amqp:unauthorized-access: Authentication failed [mech=PLAIN]"),
                cpp(url, "--user", "alice", "--password", "wrong", "--ca", ca));
        assertEquals(List.of("connected"), python(url, "alice", PASSWORD, ca));
        List<String> wrong = python(url, "alice", "wrong", ca);
        assertTrue(wrong.toString(), wrong.get(0).contains("Authentication failed [mech=PLAIN]"));
        assertEquals(List.of("connected mech=PLAIN user=stop"), cpp(url, "--user", "stop", "--password", "stop-pw", "--ca", ca));
        run.get(60, TimeUnit.SECONDS);
    }
}
