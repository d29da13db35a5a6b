package io.jproton.internal.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts what another trust manager trusts, and then checks the server's name itself: the name the
 * client connected for (its virtual host) against the certificate's DNS names, or its common name
 * if it has none, as Proton C++'s VERIFY_PEER_NAME does. (The JDK's own check refuses host names
 * such as {@code test_server} that are not valid DNS names, which Proton's test certificates use.)
 * Remembers why a handshake failed, so the transport error can say so.
 *
 * <p>Thread-safety: thread-safe.
 */
final class PeerNameCheck extends X509ExtendedTrustManager {
    private static final Map<SSLEngine, String> FAILURES = Collections.synchronizedMap(new WeakHashMap<>());
    private final X509ExtendedTrustManager trust;
    private final boolean checkName;

    PeerNameCheck(X509ExtendedTrustManager trust, boolean checkName) {
        this.trust = trust;
        this.checkName = checkName;
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
            trust.checkServerTrusted(chain, authType, engine);
            if (checkName) {
                check(engine.getPeerHost(), chain[0]);
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

    static void check(String host, X509Certificate cert) throws CertificateException {
        List<String> names = new ArrayList<>();
        try {
            if (cert.getSubjectAlternativeNames() != null) {
                for (List<?> san : cert.getSubjectAlternativeNames()) {
                    if (Integer.valueOf(2).equals(san.get(0)) || Integer.valueOf(7).equals(san.get(0))) {
                        names.add(String.valueOf(san.get(1))); // dNSName or iPAddress
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new CertificateException("has unreadable subject alternative names", e);
        }
        if (names.isEmpty()) {
            try {
                for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                    if (rdn.getType().equalsIgnoreCase("CN")) {
                        names.add(String.valueOf(rdn.getValue()));
                    }
                }
            } catch (InvalidNameException e) {
                throw new CertificateException("has an unreadable subject", e);
            }
        }
        for (String name : names) {
            if (matches(host, name)) {
                return;
            }
        }
        throw new CertificateException("does not match the host name '" + host + "' (certificate names: " + names + ")");
    }

    private static boolean matches(String host, String pattern) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        String p = pattern.toLowerCase(Locale.ROOT);
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot).equals(p.substring(1));
        }
        return h.equals(p);
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
