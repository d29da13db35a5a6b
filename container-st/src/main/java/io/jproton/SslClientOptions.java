package io.jproton;

import javax.net.ssl.SSLContext;

/**
 * TLS settings for outgoing connections, as {@code proton::ssl_client_options}. An {@code amqps}
 * URL uses these from {@link ConnectionOptions#sslClientOptions(SslClientOptions)}, or, if none are
 * set, the JVM's default trust store with {@link SslVerifyMode#VERIFY_PEER_NAME}. The name checked
 * is the connection's virtual host (the URL's host unless set): IP addresses and DNS names by the
 * JDK's HTTPS rules (an IPv6 address against IP SANs; no wildcard for an IP), other names (such
 * as Proton's {@code test_server}) against the certificate's DNS names, or its common name if it
 * has none. With a context of the application's own, every name goes to the JDK's check.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 */
public final class SslClientOptions {
    private final SSLContext context;
    private final SslCertificate certificate;
    private final String trustedCaDb;
    private final SslVerifyMode verifyMode;

    /** The JVM's default trust, verifying the peer's name. */
    public SslClientOptions() {
        this(null, null, null, SslVerifyMode.VERIFY_PEER_NAME);
    }

    /**
     * The JVM's default trust with the given verify mode, as C++ {@code ssl_client_options(ssl::verify_mode)}.
     *
     * @param verifyMode how much to check of the server
     */
    public SslClientOptions(SslVerifyMode verifyMode) {
        this(null, null, null, verifyMode);
    }

    /**
     * @param context the SSL context whose trust (and, for client certificates, keys) to use
     * @param verifyMode how much to check of the server
     */
    public SslClientOptions(SSLContext context, SslVerifyMode verifyMode) {
        this(context, null, null, verifyMode);
    }

    /**
     * @param trustedCaDb a PEM file of the certificate authorities to trust, as in C++
     * @param verifyMode how much to check of the server
     */
    public SslClientOptions(String trustedCaDb, SslVerifyMode verifyMode) {
        this(null, null, trustedCaDb, verifyMode);
    }

    /**
     * A client certificate to present, and the authorities to trust, as C++
     * {@code ssl_client_options(cert, trust_db, mode)}.
     *
     * @param certificate the client's certificate and key
     * @param trustedCaDb a PEM file of the certificate authorities to trust
     * @param verifyMode how much to check of the server
     */
    public SslClientOptions(SslCertificate certificate, String trustedCaDb, SslVerifyMode verifyMode) {
        this(null, certificate, trustedCaDb, verifyMode);
    }

    private SslClientOptions(SSLContext context, SslCertificate certificate, String trustedCaDb, SslVerifyMode verifyMode) {
        this.context = context;
        this.certificate = certificate;
        this.trustedCaDb = trustedCaDb;
        this.verifyMode = verifyMode == null ? SslVerifyMode.VERIFY_PEER_NAME : verifyMode;
    }

    /** @return the SSL context, or null */
    public SSLContext context() {
        return context;
    }

    /** @return the client certificate and key to present, or null */
    public SslCertificate certificate() {
        return certificate;
    }

    /** @return the trusted CA PEM file, or null */
    public String trustedCaDb() {
        return trustedCaDb;
    }

    /** @return the verify mode */
    public SslVerifyMode verifyMode() {
        return verifyMode;
    }

    /** @return what is set: context, certificate (never its password), trusted file, verify mode */
    @Override
    public String toString() {
        return "ssl-client-options(" + (context != null ? "context, " : "") + (certificate != null ? certificate + ", " : "")
                + (trustedCaDb != null ? "trusted " + trustedCaDb + ", " : "") + verifyMode + ")";
    }
}
