package io.jproton.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.SslCertificate;
import io.jproton.SslServerOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The C++ {@code ssl} and {@code ssl_client_cert} examples' lines, with certificates made as the
 * C++ examples' are (encrypted keys, names such as test_server); and a real TLS peer, Python proton,
 * sending to a jproton listener over amqps (SASL inside TLS, as every AMQP stack layers it).
 */
public class TlsExamplesTest {
    private static String certs;

    @BeforeClass
    public static void certificates() throws Exception {
        certs = TestCertificates.make();
    }

    private static List<String> run(String... args) throws Exception {
        try (Proc p = Proc.start(Peers.ours(args[0], java.util.Arrays.copyOfRange(args, 1, args.length)))) {
            return p.finish();
        }
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().filter(l -> !l.startsWith("WARNING") && !l.contains("SimpleSslTransportWrapper"))
                .sorted().toList();
    }

    @Test
    public void sslVerifiesTheServersNameAndSaysHello() throws Exception {
        // the server's and the client's lines may come in either order: two connections, maybe two threads
        assertEquals(List.of("Hello World!",
                "Inbound server connection connected via SSL.  Protocol: TLSv1.3",
                "Outgoing client connection connected via SSL.  Server certificate identity CN=test_server"),
                sorted(run("ssl", "-c", certs)));
        assertEquals(List.of("Hello World!",
                "Inbound server connection connected via SSL.  Protocol: TLSv1.3",
                "Outgoing client connection connected via SSL.  Server certificate identity CN=test_server"),
                sorted(run("ssl", "-c", certs, "-v", "noname")));
    }

    @Test
    public void sslWithAWrongNameFailsOnTheCertificate() throws Exception {
        List<String> out = sorted(run("ssl", "-c", certs, "-v", "fail"));
        assertEquals(String.join("\n", out), 1, out.size());
        assertTrue(out.get(0), out.get(0).startsWith("Expected failure of connection with wrong peer name: ")
                && out.get(0).contains("certificate"));
    }

    @Test
    public void sslClientCertAuthenticatesTheClientWithSaslExternal() throws Exception {
        assertEquals(List.of("Hello World!",
                "Inbound client certificate identity CN=test_client",
                "Inbound server connection connected via SSL.  Protocol: TLSv1.3",
                "Outgoing client connection connected via SSL.  Server certificate identity CN=test_server"),
                sorted(run("ssl_client_cert", certs)));
    }

    @Test
    public void pythonSendsToOurListenerOverTls() throws Exception {
        CompletableFuture<String> received = new CompletableFuture<>();
        CompletableFuture<String> protocol = new CompletableFuture<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container container) {
                SslServerOptions tls = new SslServerOptions(new SslCertificate(certs + "tserver-certificate.pem",
                        certs + "tserver-private-key.pem", "tserverpw"));
                container.serverConnectionOptions(new ConnectionOptions().sslServerOptions(tls));
                container.listen("amqps://127.0.0.1:0", new ListenHandler() {
                    @Override
                    public void onOpen(Listener listener) {
                        port.complete(listener.port());
                    }
                });
            }

            @Override
            public void onConnectionOpen(io.jproton.Connection conn) {
                protocol.complete(conn.transport().ssl().protocol());
            }

            @Override
            public void onMessage(Delivery d, Message m) {
                received.complete(String.valueOf(m.body())); // accepted on return
            }

            @Override
            public void onTransportClose(io.jproton.Transport t) {
                t.connection().container().stop(); // the peer has gone: done
            }
        });
        CompletableFuture<Void> run = CompletableFuture.runAsync(c::run);
        int p = port.get(60, TimeUnit.SECONDS);
        try (Proc py = Proc.start(Peers.python("tls_send.py", "127.0.0.1:" + p, "tls", certs + "tserver-certificate.pem"))) {
            assertEquals(List.of("sent"), py.finish());
        }
        assertEquals("over TLS from Python", received.get(60, TimeUnit.SECONDS));
        assertTrue(protocol.get(), protocol.get().startsWith("TLS"));
        run.get(60, TimeUnit.SECONDS);
    }
}
