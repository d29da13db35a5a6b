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
    private final String certificateFile;
    private final String privateKeyFile;
    private final String password;
    private final SslVerifyMode verifyMode;

    /**
     * @param context the SSL context holding the server's key and certificate
     * @param verifyMode {@link SslVerifyMode#ANONYMOUS_PEER} to ask nothing of clients, or a mode
     *        that requires client certificates trusted by the context
     */
    public SslServerOptions(SSLContext context, SslVerifyMode verifyMode) {
        this(context, null, null, null, verifyMode);
    }

    /**
     * @param certificateFile the server's certificate, PEM, as in C++
     * @param privateKeyFile its private key, PEM
     * @param password the key's password, or null
     */
    public SslServerOptions(String certificateFile, String privateKeyFile, String password) {
        this(null, certificateFile, privateKeyFile, password, SslVerifyMode.ANONYMOUS_PEER);
    }

    private SslServerOptions(SSLContext context, String certificateFile, String privateKeyFile, String password,
                             SslVerifyMode verifyMode) {
        this.context = context;
        this.certificateFile = certificateFile;
        this.privateKeyFile = privateKeyFile;
        this.password = password;
        this.verifyMode = verifyMode == null ? SslVerifyMode.ANONYMOUS_PEER : verifyMode;
    }

    /** @return the SSL context, or null */
    public SSLContext context() {
        return context;
    }

    /** @return the certificate PEM file, or null */
    public String certificateFile() {
        return certificateFile;
    }

    /** @return the private key PEM file, or null */
    public String privateKeyFile() {
        return privateKeyFile;
    }

    /** @return the key password, or null */
    public String password() {
        return password;
    }

    /** @return the verify mode for clients */
    public SslVerifyMode verifyMode() {
        return verifyMode;
    }
}
