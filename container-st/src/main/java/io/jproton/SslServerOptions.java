package io.jproton;

import javax.net.ssl.SSLContext;

/**
 * TLS settings for accepted connections, as {@code proton::ssl_server_options}: a listener on an
 * {@code amqps} URL needs them, through {@link ConnectionOptions#sslServerOptions(SslServerOptions)}
 * on the listener or the container's server defaults.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 */
public final class SslServerOptions {
    private final SSLContext context;
    private final SslCertificate certificate;
    private final String trustedCaDb;
    private final SslVerifyMode verifyMode;

    /**
     * @param context the SSL context holding the server's key and certificate
     * @param verifyMode {@link SslVerifyMode#ANONYMOUS_PEER} to ask nothing of clients, or a mode
     *        that requires client certificates trusted by the context
     */
    public SslServerOptions(SSLContext context, SslVerifyMode verifyMode) {
        this(context, null, null, verifyMode);
    }

    /**
     * @param certificateFile the server's certificate, PEM, as in C++
     * @param privateKeyFile its private key, PEM (the forms {@link SslCertificate} reads), or null where the
     *        certificate file holds it
     * @param password the key's password, or null
     */
    public SslServerOptions(String certificateFile, String privateKeyFile, String password) {
        this(new SslCertificate(certificateFile, privateKeyFile, password));
    }

    /**
     * The server's certificate; clients are asked for none.
     *
     * @param certificate the server's certificate and key
     */
    public SslServerOptions(SslCertificate certificate) {
        this(null, certificate, null, SslVerifyMode.ANONYMOUS_PEER);
    }

    /**
     * The server's certificate, and clients must present a certificate issued by one of the
     * trusted authorities ({@link SslVerifyMode#VERIFY_PEER}), as C++
     * {@code ssl_server_options(cert, trust_db)}.
     *
     * @param certificate the server's certificate and key
     * @param trustedCaDb a PEM file of the authorities whose client certificates to accept
     */
    public SslServerOptions(SslCertificate certificate, String trustedCaDb) {
        this(null, certificate, trustedCaDb, SslVerifyMode.VERIFY_PEER);
    }

    private SslServerOptions(SSLContext context, SslCertificate certificate, String trustedCaDb, SslVerifyMode verifyMode) {
        this.context = context;
        this.certificate = certificate;
        this.trustedCaDb = trustedCaDb;
        this.verifyMode = verifyMode == null ? SslVerifyMode.ANONYMOUS_PEER : verifyMode;
    }

    /** @return the SSL context, or null */
    public SSLContext context() {
        return context;
    }

    /** @return the server's certificate and key, or null where a context is given */
    public SslCertificate certificate() {
        return certificate;
    }

    /** @return the PEM file of authorities trusted for client certificates, or null */
    public String trustedCaDb() {
        return trustedCaDb;
    }

    /** @return the verify mode for clients */
    public SslVerifyMode verifyMode() {
        return verifyMode;
    }

    /** @return what is set: context, certificate (never its password), trusted file, verify mode */
    @Override
    public String toString() {
        return "ssl-server-options(" + (context != null ? "context, " : "") + (certificate != null ? certificate + ", " : "")
                + (trustedCaDb != null ? "trusted " + trustedCaDb + ", " : "") + verifyMode + ")";
    }
}
