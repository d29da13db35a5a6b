package io.jproton.internal.tls;

import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.Provider;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Private keys in every PEM form OpenSSL writes, read by Bouncy Castle: PKCS#8 plain and encrypted
 * (PBES2 with any cipher, scrypt, the PKCS#12 schemes), PKCS#1 RSA, SEC1 EC and DSA keys, plain or
 * in OpenSSL's legacy encrypted PEM. Loaded only when Bouncy Castle is on the class path. Its
 * provider is used for decryption only and is not installed in the JVM; keys are made by the
 * JDK's own key factories, so a key type Java's TLS cannot use is refused here, by name.
 *
 * <p>Thread-safety: stateless; thread-safe.
 */
final class BcKeys {
    private static final Provider PROVIDER = new BouncyCastleProvider();

    private BcKeys() {}

    /**
     * @param text the PEM file's contents, already checked by {@link PemBlocks}
     * @param password the key's password, or null
     * @param file the file, for errors
     * @return the file's first private key
     */
    static PrivateKey read(String text, char[] password, String file) {
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                PrivateKeyInfo info = null;
                if (o instanceof PrivateKeyInfo pki) {
                    info = pki;
                } else if (o instanceof PEMKeyPair pair) {
                    info = pair.getPrivateKeyInfo();
                } else if (o instanceof PKCS8EncryptedPrivateKeyInfo enc) {
                    char[] pw = PemFiles.needPassword(password, file);
                    try {
                        info = enc.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(PROVIDER).build(pw));
                    } catch (Exception e) {
                        throw PemFiles.wrongPassword(file, e);
                    }
                } else if (o instanceof PEMEncryptedKeyPair enc) {
                    char[] pw = PemFiles.needPassword(password, file);
                    try {
                        info = enc.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(PROVIDER).build(pw))
                                .getPrivateKeyInfo();
                    } catch (Exception e) {
                        throw PemFiles.wrongPassword(file, e);
                    }
                }
                if (info != null) {
                    return convert(info, file);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the private key in " + file + " cannot be read (truncated or corrupt?): "
                    + e.getMessage(), e);
        }
        throw new IllegalArgumentException("no private key in " + file);
    }

    private static PrivateKey convert(PrivateKeyInfo info, String file) {
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unsupported private key type " + info.getPrivateKeyAlgorithm().getAlgorithm().getId()
                    + " in " + file + " (TLS in Java takes RSA, EC, EdDSA and DSA keys)", e);
        }
    }
}
