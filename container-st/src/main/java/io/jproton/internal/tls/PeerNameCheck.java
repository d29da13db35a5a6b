package io.jproton.internal.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts what another trust manager trusts; for the engines it is asked to
 * ({@link #checkName}: names the JDK does not check, see {@link HostNames}) it then checks the
 * server's name itself. Remembers why a handshake failed, so the transport error can say so.
 *
 * <p>Thread-safety: thread-safe.
 */
final class PeerNameCheck extends X509ExtendedTrustManager {
    private static final Map<SSLEngine, String> FAILURES = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<SSLEngine, String> NAMES = Collections.synchronizedMap(new WeakHashMap<>());
    private final X509ExtendedTrustManager trust;

    PeerNameCheck(X509ExtendedTrustManager trust) {
        this.trust = trust;
    }

    /**
     * Asks for jproton's own name check on an engine (made from a context this class guards).
     *
     * @param engine a client engine
     * @param host the name the server's certificate must carry
     */
    static void checkName(SSLEngine engine, String host) {
        NAMES.put(engine, host);
    }

    /**
     * @param engine a TLS engine whose handshake failed
     * @return why this trust manager refused the peer, or null
     */
    static String failure(SSLEngine engine) {
        return engine == null ? null : FAILURES.remove(engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        try {
            trust.checkServerTrusted(chain, authType, engine); // with HTTPS identification set, the JDK checks the name
            String host = NAMES.get(engine);
            if (host != null) {
                HostNames.check(host, chain[0]);
            }
        } catch (CertificateException e) {
            FAILURES.put(engine, "the server's certificate " + e.getMessage());
            throw e;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        try {
            trust.checkClientTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            FAILURES.put(engine, "the client's certificate is not trusted: " + e.getMessage());
            throw e;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        trust.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        trust.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trust.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trust.checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trust.getAcceptedIssuers();
    }
}
