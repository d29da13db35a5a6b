package io.jproton.internal.tls;

import io.jproton.SslCertificate;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds an {@link SSLContext} from files, as Proton C++ takes them (see {@link PemFiles}): our
 * certificate and key, and a file of trusted certificates or the JVM's default trust. Its trust
 * managers record why a handshake failed and check the server names the JDK does not
 * ({@link PeerNameCheck}).
 *
 * <p>Thread-safety: thread-safe.
 */
public final class PemContexts {
    private static final String ALIAS = "jproton";
    private static final Set<SSLContext> BUILT = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private PemContexts() {}

    /**
     * @param certificate our certificate and key, or null for none
     * @param trustedFile certificates to trust, PEM, or null for the JVM's default trust
     * @return the context
     * @throws IllegalArgumentException naming the file and what to do, if a file is missing, damaged,
     *         encrypted with another password, or its certificate and key do not belong together
     */
    public static SSLContext create(SslCertificate certificate, String trustedFile) {
        try {
            KeyManagerFactory kmf = null;
            if (certificate != null) {
                KeyMaterial km = PemFiles.keyMaterial(certificate.certificateFile(), certificate.privateKeyFile(),
                        certificate.password());
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                char[] storePassword = new char[0];
                keys.setKeyEntry(ALIAS, km.key(), storePassword, km.chain());
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, storePassword);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (trustedFile != null) {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                int i = 0;
                for (java.security.cert.X509Certificate c : PemFiles.certificates(trustedFile)) {
                    trust.setCertificateEntry("trusted-" + i++, c);
                }
                tmf.init(trust);
            } else {
                tmf.init((KeyStore) null);
            }
            TrustManager[] tms = tmf.getTrustManagers();
            for (int i = 0; i < tms.length; i++) {
                if (tms[i] instanceof X509ExtendedTrustManager x) {
                    tms[i] = new PeerNameCheck(x);
                }
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tms, null);
            BUILT.add(context);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot set up TLS with " + certificate + " and trusted certificates "
                    + trustedFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param context a TLS context
     * @return true if {@link #create} built it (so its trust managers can check names the JDK does not)
     */
    static boolean builtHere(SSLContext context) {
        return BUILT.contains(context);
    }
}
