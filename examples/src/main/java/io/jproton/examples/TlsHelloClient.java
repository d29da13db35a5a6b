package io.jproton.examples;

import io.jproton.Connection;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.SslCertificate;
import io.jproton.Tracker;

/**
 * The client side the {@code ssl} and {@code ssl_client_cert} examples share: prints the server's
 * certificate identity when connected, sends "Hello World!" once, and closes when it is accepted.
 * Also the certificate-directory helpers of both.
 */
abstract class TlsHelloClient implements MessagingHandler {
    private boolean sent;

    @Override
    public void onConnectionOpen(Connection c) {
        System.out.println("Outgoing client connection connected via SSL.  Server certificate identity "
                + commonName(c.transport().ssl().remoteSubject()));
    }

    @Override
    public void onSendable(Sender s) {
        if (!sent) {
            sent = true;
            s.send(new Message("Hello World!"));
            s.close();
        }
    }

    @Override
    public void onTrackerAccept(Tracker t) {
        t.connection().close(); // all done
    }

    /** @return the certificate and key files {@code BASE-certificate.pem} and {@code BASE-private-key.pem} in the directory */
    static SslCertificate certificate(String directory, String baseName, String password) {
        return new SslCertificate(directory + baseName + "-certificate.pem", directory + baseName + "-private-key.pem",
                password);
    }

    /** @return the {@code CN=...} part of a certificate subject */
    static String commonName(String subject) {
        if (subject == null || !subject.contains("CN=")) {
            throw new IllegalStateException("No common name in certificate subject");
        }
        String cn = subject.substring(subject.indexOf("CN="));
        int comma = cn.indexOf(',');
        return comma < 0 ? cn : cn.substring(0, comma);
    }

    /** @return the certificate directory with a trailing "/", {@code ssl-certs/} if none is given */
    static String directory(String d) {
        if (d.isEmpty()) {
            return "ssl-certs/";
        }
        return d.endsWith("/") ? d : d + "/";
    }
}
