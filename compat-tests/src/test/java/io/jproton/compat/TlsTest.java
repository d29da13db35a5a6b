package io.jproton.compat;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.ErrorCondition;
import io.jproton.Listener;
import io.jproton.ListenHandler;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.SslClientOptions;
import io.jproton.SslServerOptions;
import io.jproton.SslVerifyMode;
import io.jproton.Transport;
import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.BeforeClass;
import org.junit.Test;

/** amqps: TLS on both sides, a client that does not trust the server, a plain client at a TLS listener. */
public class TlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static SSLContext server;
    private static SSLContext client;

    /** A self-signed certificate for 127.0.0.1/localhost, made with the JDK's keytool for this run. */
    @BeforeClass
    public static void certificates() throws Exception {
        Path dir = Files.createTempDirectory("jproton-tls");
        File ks = dir.resolve("server.p12").toFile();
        String keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", ks.getPath(), "-storepass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue("keytool: " + out, p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(ks)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD);
        server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
    }

    /** Runs one client connection to a TLS listener; returns the client's events; fills in what the server received. */
    private static List<String> run(String scheme, ConnectionOptions clientOptions, List<Object> received) throws Exception {
        List<String> events = new ArrayList<>();
        Listener[] listener = new Listener[1];
        MessagingHandler serverHandler = new MessagingHandler() {
            @Override
            public void onMessage(Delivery d, Message m) {
                received.add(m.body());
                d.connection().close();
            }

            @Override
            public void onError(ErrorCondition c) {
                // a failed handshake ends the server side with an error too: expected in these tests
            }
        };
        MessagingHandler clientHandler = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                events.add("open");
                c.openSender("tls-q").send(new Message("over TLS"));
            }

            @Override
            public void onTransportError(Transport t) {
                events.add("error: " + t.error());
            }

            @Override
            public void onTransportClose(Transport t) {
                events.add("close");
                listener[0].stop();
            }
        };
        Run.bounded(new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                listener[0] = c.listen("amqps://127.0.0.1:0", new ConnectionOptions().handler(serverHandler)
                        .sslServerOptions(new SslServerOptions(server, SslVerifyMode.ANONYMOUS_PEER)));
                c.connect(scheme + "://127.0.0.1:" + listener[0].port(), clientOptions.handler(clientHandler));
            }
        }));
        return events;
    }

    @Test
    public void aTrustingClientExchangesAMessageOverTls() throws Exception {
        List<Object> received = new ArrayList<>();
        List<String> events = run("amqps", new ConnectionOptions()
                .sslClientOptions(new SslClientOptions(client, SslVerifyMode.VERIFY_PEER_NAME)), received);
        assertEquals(List.of("open", "close"), events);
        assertEquals(List.of("over TLS"), received);
    }

    @Test
    public void aClientThatDoesNotTrustTheServerGetsAClearError() throws Exception {
        List<Object> received = new ArrayList<>();
        List<String> events = run("amqps", new ConnectionOptions(), received); // the JVM's default trust
        assertEquals(events.toString(), 2, events.size());
        assertTrue(events.get(0), events.get(0).startsWith("error: "));
        assertEquals("close", events.get(1));
        assertEquals(List.of(), received);
    }

    @Test
    public void aPlainClientAtATlsListenerFails() throws Exception {
        List<Object> received = new ArrayList<>();
        List<String> events = run("amqp", new ConnectionOptions(), received);
        assertTrue(events.toString(), events.get(0).startsWith("error: "));
        assertEquals("close", events.get(events.size() - 1));
        assertEquals(List.of(), received);
    }

    @Test(expected = IllegalArgumentException.class)
    public void anAmqpsListenerWithoutServerOptionsIsRefused() {
        new Container().listen("amqps://127.0.0.1:0");
    }
}
