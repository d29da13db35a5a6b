package io.jproton.internal.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds an {@link SSLContext} from PEM files, as Proton C++ takes them: a certificate file, a
 * PKCS#8 private key file (plain, or encrypted with a password as {@code openssl} writes it), and a
 * file of trusted certificates.
 *
 * <p>Thread-safety: stateless; thread-safe.
 */
public final class PemContexts {
    private static final String ALIAS = "jproton";

    private PemContexts() {}

    /**
     * @param certificateFile our certificate (chain), PEM, or null for none
     * @param privateKeyFile its private key, PEM, or null
     * @param password the key's password, or null for a plain key
     * @param trustedFile certificates to trust, PEM, or null for the JVM's default trust
     * @param checkServerName true to check the server's name (VERIFY_PEER_NAME) in the trust manager
     * @return the context
     * @throws IllegalArgumentException naming the file, if a file is missing or unreadable
     */
    public static SSLContext create(String certificateFile, String privateKeyFile, String password, String trustedFile,
                                    boolean checkServerName) {
        try {
            KeyManagerFactory kmf = null;
            if (certificateFile != null) {
                if (privateKeyFile == null) {
                    throw new IllegalArgumentException("a certificate needs its private key file: " + certificateFile);
                }
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                char[] storePassword = new char[0];
                Collection<? extends Certificate> chain = certificates(certificateFile);
                keys.setKeyEntry(ALIAS, privateKey(privateKeyFile, password), storePassword, chain.toArray(new Certificate[0]));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, storePassword);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (trustedFile != null) {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                int i = 0;
                for (Certificate c : certificates(trustedFile)) {
                    trust.setCertificateEntry("trusted-" + i++, c);
                }
                tmf.init(trust);
            } else {
                tmf.init((KeyStore) null);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            javax.net.ssl.TrustManager[] tms = tmf.getTrustManagers();
            for (int i = 0; i < tms.length; i++) {
                if (tms[i] instanceof javax.net.ssl.X509ExtendedTrustManager x) {
                    tms[i] = new PeerNameCheck(x, checkServerName);
                }
            }
            context.init(kmf == null ? null : kmf.getKeyManagers(), tms, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use the TLS files (" + certificateFile + ", " + privateKeyFile + ", "
                    + trustedFile + "): " + e.getMessage(), e);
        }
    }

    private static Collection<? extends Certificate> certificates(String file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + file);
            }
            return certs;
        }
    }

    private static PrivateKey privateKey(String file, String password) throws IOException, GeneralSecurityException {
        String pem = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        if (pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            if (password == null) {
                throw new IllegalArgumentException("the private key in " + file + " is encrypted: give its password");
            }
            byte[] der = der(pem, "ENCRYPTED PRIVATE KEY", file);
            byte[] plain = Pbes2.decrypt(der, password.toCharArray());
            if (plain != null) {
                return toKey(new PKCS8EncodedKeySpec(plain), file);
            }
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der); // the PKCS#12 PBE schemes
            Key pbeKey = SecretKeyFactory.getInstance(info.getAlgName()).generateSecret(new PBEKeySpec(password.toCharArray()));
            Cipher cipher = Cipher.getInstance(info.getAlgName());
            cipher.init(Cipher.DECRYPT_MODE, pbeKey, info.getAlgParameters());
            return toKey(info.getKeySpec(cipher), file);
        }
        if (pem.contains("BEGIN PRIVATE KEY")) {
            return toKey(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY", file)), file);
        }
        throw new IllegalArgumentException("no PKCS#8 private key in " + file
                + " (convert one with: openssl pkcs8 -topk8 -in KEY -out KEY.pk8)");
    }

    private static PrivateKey toKey(PKCS8EncodedKeySpec spec, String file) throws GeneralSecurityException {
        for (String type : new String[] {"RSA", "EC", "Ed25519", "DSA"}) {
            try {
                return KeyFactory.getInstance(type).generatePrivate(spec);
            } catch (java.security.spec.InvalidKeySpecException e) {
                // try the next key type
            }
        }
        throw new IllegalArgumentException("unsupported private key type in " + file);
    }

    private static byte[] der(String pem, String type, String file) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = pem.indexOf(begin);
        int e = pem.indexOf(end, b);
        if (b < 0 || e < 0) {
            throw new IllegalArgumentException("no " + type + " block in " + file);
        }
        return Base64.getMimeDecoder().decode(pem.substring(b + begin.length(), e));
    }
}
