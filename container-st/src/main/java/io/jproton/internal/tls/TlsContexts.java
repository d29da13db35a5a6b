package io.jproton.internal.tls;

import io.jproton.SslCertificate;
import io.jproton.SslClientOptions;
import io.jproton.SslServerOptions;
import java.util.Map;
import java.util.WeakHashMap;
import javax.net.ssl.SSLContext;

/**
 * The {@link SSLContext} behind TLS options: the one given, or one built once from the options'
 * PEM files (the JVM's default trust where no CA file is given) and reused by every connection
 * that shares the options.
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
        return built(o, o.certificate(), o.trustedCaDb());
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
     * @return their context: the given one, or one from their PEM files and the JVM's default trust
     */
    public static SSLContext of(SslClientOptions o) {
        if (o.context() != null) {
            return o.context();
        }
        return built(o, o.certificate(), o.trustedCaDb());
    }

    private static synchronized SSLContext built(Object options, SslCertificate cert, String trusted) {
        return BUILT.computeIfAbsent(options, k -> PemContexts.create(cert, trusted));
    }
}
