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
import io.jproton.Sasl;
import io.jproton.SslClientOptions;
import io.jproton.SslServerOptions;
import io.jproton.SslVerifyMode;
import io.jproton.Values;

/**
 * The C++ {@code ssl_client_cert} example: as {@code ssl}, and the client authenticates with its
 * own certificate through SASL EXTERNAL ({@code tclient-certificate.pem}, {@code
 * tclient-private-key.pem}, password {@code tclientpw}); the server prints the client's identity.
 *
 * <p>Arguments: {@code [CERTDIR]} (default {@code ssl-certs/}).
 */
public final class SslClientCert extends TlsHelloClient {
    private final String certDirectory;
    private Listener listener;

    SslClientCert(String certDirectory) {
        this.certDirectory = certDirectory;
    }

    /** The server side: checks the client's certificate identity and prints the message. */
    final class ServerHandler implements MessagingHandler {
        @Override
        public void onConnectionOpen(Connection c) {
            System.out.println("Inbound server connection connected via SSL.  Protocol: " + c.transport().ssl().protocol());
            if (c.transport().sasl().outcome() == Sasl.Outcome.OK) {
                System.out.println("Inbound client certificate identity "
                        + commonName(c.transport().ssl().remoteSubject()));
            } else {
                System.out.println("Inbound client authentication failed");
                c.close();
            }
            listener.stop();
            c.open();
        }

        @Override
        public void onMessage(Delivery d, Message m) {
            System.out.println(Values.format(m.body()));
        }
    }

    @Override
    public void onContainerStart(Container c) {
        SslCertificate serverCert = certificate(certDirectory, "tserver", "tserverpw");
        // clients must show a certificate issued by the client CA (here: the client's own self-signed one)
        SslServerOptions server = new SslServerOptions(serverCert, certDirectory + "tclient-certificate.pem");
        c.serverConnectionOptions(new ConnectionOptions().sslServerOptions(server).handler(new ServerHandler())
                .saslAllowedMechs("EXTERNAL"));
        SslCertificate clientCert = certificate(certDirectory, "tclient", "tclientpw");
        // the test certificate's name is unlikely to match this host: check the certificate, not the name
        SslClientOptions client = new SslClientOptions(clientCert, certDirectory + "tserver-certificate.pem",
                SslVerifyMode.VERIFY_PEER);
        c.clientConnectionOptions(new ConnectionOptions().sslClientOptions(client).saslAllowedMechs("EXTERNAL"));
        listener = c.listen("127.0.0.1:0", new ListenHandler() {
            @Override
            public void onOpen(Listener l) {
                l.container().openSender("127.0.0.1:" + l.port() + "/example");
            }
        });
    }

    /**
     * @param args [CERTDIR]
     */
    public static void main(String[] args) {
        String dir = directory(args.length > 0 ? args[0] : "");
        Main.exitOnError(() -> new Container(new SslClientCert(dir)).run());
    }
}
