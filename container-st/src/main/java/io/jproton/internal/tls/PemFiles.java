package io.jproton.internal.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads certificates and private keys as Proton C++ takes them: PEM files (a certificate file and
 * a key file, or both in one) or a PKCS#12 file. Keys in PEM are read by Bouncy Castle when it is
 * on the class path (every form OpenSSL writes: PKCS#8 plain and encrypted with any PBES2 cipher or
 * scrypt, PKCS#1, SEC1, legacy encrypted PEM); without it, by the JDK, which reads PKCS#8 plain and
 * PKCS#8 encrypted with AES, and every other form fails with an error naming the dependency.
 * Errors name the file and say what to do; they never contain a password.
 *
 * <p>Thread-safety: stateless; thread-safe.
 */
final class PemFiles {
    /** The Maven coordinates of the optional dependency. */
    static final String BOUNCY_CASTLE = "org.bouncycastle:bcpkix-jdk18on";
    private static final boolean HAVE_BOUNCY_CASTLE = present("org.bouncycastle.openssl.PEMParser")
            && present("org.bouncycastle.jce.provider.BouncyCastleProvider");

    private PemFiles() {}

    private static boolean present(String className) {
        try {
            Class.forName(className, false, PemFiles.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** @return true if Bouncy Castle is on the class path */
    static boolean bouncyCastle() {
        return HAVE_BOUNCY_CASTLE;
    }

    /**
     * @param certificateFile the certificate (chain), PEM, or a PKCS#12 file holding key and chain
     * @param keyFile the private key, PEM; null (or the same file) where the certificate file holds it
     * @param password the key's (or the PKCS#12 file's) password, or null
     * @return the key and its chain, checked to belong together
     */
    static KeyMaterial keyMaterial(String certificateFile, String keyFile, String password) {
        char[] pw = password == null ? null : password.toCharArray();
        byte[] certBytes = bytes(certificateFile);
        if (!isPem(certBytes)) {
            return pkcs12(certBytes, pw, certificateFile).checked(certificateFile, certificateFile);
        }
        X509Certificate[] chain = certificates(certBytes, certificateFile).toArray(new X509Certificate[0]);
        String kf = keyFile == null || keyFile.isEmpty() ? certificateFile : keyFile;
        byte[] keyBytes = kf.equals(certificateFile) ? certBytes : bytes(kf);
        return new KeyMaterial(privateKey(new String(keyBytes, StandardCharsets.US_ASCII), pw, kf), chain)
                .checked(kf, certificateFile);
    }

    /**
     * @param file a PEM file of certificates
     * @return its certificates
     */
    static List<X509Certificate> certificates(String file) {
        return certificates(bytes(file), file);
    }

    private static List<X509Certificate> certificates(byte[] bytes, String file) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (PemBlocks.Block b : PemBlocks.read(new String(bytes, StandardCharsets.US_ASCII), file)) {
                if (b.label().equals("CERTIFICATE") || b.label().equals("TRUSTED CERTIFICATE")) {
                    out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b.der())));
                }
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("a certificate in " + file + " cannot be read (truncated or corrupt?): "
                    + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no certificate in " + file);
        }
        return out;
    }

    private static PrivateKey privateKey(String text, char[] password, String file) {
        PemBlocks.Block key = null;
        for (PemBlocks.Block b : PemBlocks.read(text, file)) {
            if (b.label().endsWith("PRIVATE KEY")) {
                key = b;
                break;
            }
        }
        if (key == null) {
            throw new IllegalArgumentException("no private key in " + file);
        }
        return HAVE_BOUNCY_CASTLE ? BcKeys.read(text, password, file) : JdkKeys.read(key, password, file);
    }

    private static KeyMaterial pkcs12(byte[] bytes, char[] password, String file) {
        if (bytes.length == 0 || bytes[0] != 0x30) {
            throw new IllegalArgumentException(file + " is neither PEM nor PKCS#12");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Key key = store.getKey(alias, password);
                    Certificate[] chain = store.getCertificateChain(alias);
                    X509Certificate[] x = new X509Certificate[chain == null ? 0 : chain.length];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = (X509Certificate) chain[i];
                    }
                    return new KeyMaterial((PrivateKey) key, x);
                }
            }
            throw new IllegalArgumentException("no private key in the PKCS#12 file " + file);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || e.getCause() instanceof javax.crypto.BadPaddingException
                    || String.valueOf(e.getMessage()).contains("password")) {
                throw wrongPassword(file, e);
            }
            throw new IllegalArgumentException("the PKCS#12 file " + file + " cannot be read (truncated or corrupt?)", e);
        } catch (GeneralSecurityException e) {
            throw wrongPassword(file, e);
        }
    }

    private static boolean isPem(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.US_ASCII);
        return start.contains("-----BEGIN ");
    }

    private static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the password, or throws saying that the key in the file is encrypted and needs one */
    static char[] needPassword(char[] password, String file) {
        if (password == null) {
            throw new IllegalArgumentException("the private key in " + file + " is encrypted: give its password");
        }
        return password;
    }

    /** @return the error for a password that does not decrypt the file's key */
    static IllegalArgumentException wrongPassword(String file, Exception cause) {
        return new IllegalArgumentException("wrong password for the private key in " + file + " (or the key is corrupt)",
                cause);
    }
}
