package io.jproton.internal.tls;

import io.jproton.SslCertificate;
import io.jproton.SslClientOptions;
import io.jproton.SslServerOptions;
import java.util.Map;
import java.util.WeakHashMap;
import javax.net.ssl.SSLContext;

/**
 * The {@link SSLContext} behind TLS options: the one given, or one built once from the options'
 * PEM files and reused by every connection that shares the options.
 *
 * <p>Thread-safety: thread-safe.
 */
public final class TlsContexts {
    private static final Map<Object, SSLContext> BUILT = new WeakHashMap<>();

    private TlsContexts() {}

    /**
     * @param o server options
     * @return their context
     */
    public static SSLContext of(SslServerOptions o) {
        if (o.context() != null) {
            return o.context();
        }
        return built(o, o.certificate(), o.trustedCaDb(), false);
    }

    /**
     * @param o client options
     * @return true if the context of {@link #of(SslClientOptions)} checks the server's name itself
     *         (so the TLS layer must not check it again)
     */
    public static boolean checksServerName(SslClientOptions o) {
        return o.context() == null && (o.certificate() != null || o.trustedCaDb() != null)
                && o.verifyMode() == io.jproton.SslVerifyMode.VERIFY_PEER_NAME;
    }

    /**
     * @param engine the TLS engine of a failed handshake
     * @return why our trust check refused the peer, or null
     */
    public static String failure(javax.net.ssl.SSLEngine engine) {
        return PeerNameCheck.failure(engine);
    }

    /**
     * @param o client options
     * @return their context: the given one, one from their PEM files, or the JVM's default
     */
    public static SSLContext of(SslClientOptions o) {
        if (o.context() != null) {
            return o.context();
        }
        if (o.certificate() == null && o.trustedCaDb() == null) {
            try {
                return SSLContext.getDefault();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("no default TLS context in this JVM", e);
            }
        }
        return built(o, o.certificate(), o.trustedCaDb(), checksServerName(o));
    }

    private static synchronized SSLContext built(Object options, SslCertificate cert, String trusted, boolean checkName) {
        return BUILT.computeIfAbsent(options, k -> PemContexts.create(
                cert == null ? null : cert.certificateFile(), cert == null ? null : cert.privateKeyFile(),
                cert == null ? null : cert.password(), trusted, checkName));
    }
}
