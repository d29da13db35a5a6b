package io.jproton.examples;

import io.jproton.Connection;
import io.jproton.SslCertificate;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.SslClientOptions;
import io.jproton.SslServerOptions;
import io.jproton.SslVerifyMode;
import io.jproton.Transport;
import io.jproton.Values;

/**
 * The C++ {@code ssl} example: "Hello World!" from a client to a server in the same container over
 * TLS, with the server's self-signed certificate from the certificate directory
 * ({@code tserver-certificate.pem}, {@code tserver-private-key.pem}, password {@code tserverpw}).
 * Prints the server's and the client's view of the TLS session, then the message.
 *
 * <p>Options: {@code -c/--cert_directory CERTDIR} (default {@code ssl-certs/}), {@code -v/--verify
 * full|noname|fail}: check the server's name ({@code test_server}), or only its certificate, or
 * connect with a wrong name and show the failure.
 */
public final class SslExample extends TlsHelloClient {
    static final String FULL = "full";
    static final String NONAME = "noname";
    static final String FAIL = "fail";

    private final String certDirectory;
    private final String verify;
    private Listener listener;

    SslExample(String certDirectory, String verify) {
        this.certDirectory = certDirectory;
        this.verify = verify;
    }

    /** The server side: prints what it sees and the message. */
    final class ServerHandler implements MessagingHandler {
        @Override
        public void onConnectionOpen(Connection c) {
            System.out.println("Inbound server connection connected via SSL.  Protocol: " + c.transport().ssl().protocol());
            listener.stop(); // just the one connection
            c.open();
        }

        @Override
        public void onTransportError(Transport t) {
            listener.stop();
        }

        @Override
        public void onMessage(Delivery d, Message m) {
            System.out.println(Values.format(m.body()));
        }
    }

    @Override
    public void onContainerStart(Container c) {
        SslCertificate serverCert = certificate(certDirectory, "tserver", "tserverpw");
        c.serverConnectionOptions(new ConnectionOptions().sslServerOptions(new SslServerOptions(serverCert))
                .handler(new ServerHandler()));
        // the client trusts the server's self-signed certificate
        ConnectionOptions client = new ConnectionOptions();
        String ca = certDirectory + "tserver-certificate.pem";
        switch (verify) {
            case FULL -> client.sslClientOptions(new SslClientOptions(ca, SslVerifyMode.VERIFY_PEER_NAME))
                    .virtualHost("test_server"); // the name in the certificate; we connect to an address
            case NONAME -> client.sslClientOptions(new SslClientOptions(ca, SslVerifyMode.VERIFY_PEER));
            default -> client.sslClientOptions(new SslClientOptions(ca, SslVerifyMode.VERIFY_PEER_NAME))
                    .virtualHost("wrong_name_for_server");
        }
        c.clientConnectionOptions(client);
        listener = c.listen("127.0.0.1:0", new ListenHandler() {
            @Override
            public void onOpen(Listener l) {
                l.container().openSender("127.0.0.1:" + l.port() + "/example");
            }
        });
    }

    @Override
    public void onTransportError(Transport t) {
        String err = String.valueOf(t.error());
        if (verify.equals(FAIL) && err.contains("certificate")) {
            System.out.println("Expected failure of connection with wrong peer name: " + err);
        } else {
            System.out.println("Unexpected transport error: " + err);
        }
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        String[] dir = {""};
        String[] verify = {FULL};
        new Options("ssl")
                .value('c', "cert_directory", "directory containing SSL certificates and private key information",
                        "CERTDIR", "", v -> dir[0] = v)
                .value('v', "verify", "verify type: \"minimum\", \"full\", \"fail\"", "VERIFY", FULL, v -> verify[0] = v)
                .parse(args);
        Main.exitOnError(() -> {
            if (!verify[0].equals(FULL) && !verify[0].equals(NONAME) && !verify[0].equals(FAIL)) {
                throw new IllegalArgumentException("bad verify argument: " + verify[0]);
            }
            new Container(new SslExample(directory(dir[0]), verify[0])).run();
        });
    }
}
