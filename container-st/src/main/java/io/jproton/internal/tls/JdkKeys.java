package io.jproton.internal.tls;

import java.io.IOException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Private keys in the forms the JDK reads by itself: PKCS#8 plain, and PKCS#8 encrypted with a
 * scheme the JDK has (PBES2 with AES, as {@code openssl pkcs8 -topk8 -v2 aes-256-cbc} writes it;
 * the PKCS#12 PBE schemes). Every other form needs Bouncy Castle, and the error says so.
 *
 * <p>Thread-safety: stateless; thread-safe.
 */
final class JdkKeys {
    private static final String[] KEY_TYPES = {"RSA", "EC", "EdDSA", "DSA", "RSASSA-PSS"};

    private JdkKeys() {}

    /**
     * @param block the key's PEM block
     * @param password the key's password, or null
     * @param file the file, for errors
     * @return the key
     */
    static PrivateKey read(PemBlocks.Block block, char[] password, String file) {
        switch (block.label()) {
            case "PRIVATE KEY":
                return pkcs8(block.der(), file);
            case "ENCRYPTED PRIVATE KEY":
                return encrypted(block.der(), PemFiles.needPassword(password, file), file);
            default:
                throw new IllegalArgumentException("reading the " + block.label() + " in " + file + " needs Bouncy Castle ("
                        + PemFiles.BOUNCY_CASTLE + ") on the class path; or convert the key to PKCS#8:"
                        + " openssl pkcs8 -topk8 -v2 aes-256-cbc -in KEY -out KEY.p8");
        }
    }

    /**
     * @param der a PKCS#8 PrivateKeyInfo
     * @param file the file, for errors
     * @return the key
     */
    static PrivateKey pkcs8(byte[] der, String file) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String type : KEY_TYPES) {
            try {
                return KeyFactory.getInstance(type).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // not this type: try the next
            }
        }
        throw new IllegalArgumentException("unsupported private key type in " + file
                + " (TLS in Java takes RSA, EC, EdDSA and DSA keys), or the key is corrupt");
    }

    private static PrivateKey encrypted(byte[] der, char[] password, String file) {
        EncryptedPrivateKeyInfo info;
        try {
            info = new EncryptedPrivateKeyInfo(der);
        } catch (IOException e) {
            throw new IllegalArgumentException("the private key in " + file + " is encrypted with a scheme the JDK cannot"
                    + " read (OpenSSL's default triple DES, scrypt, ...): put Bouncy Castle (" + PemFiles.BOUNCY_CASTLE
                    + ") on the class path, or re-encrypt it: openssl pkcs8 -topk8 -v2 aes-256-cbc -in KEY -out KEY.p8", e);
        }
        PBEKeySpec spec = new PBEKeySpec(password);
        try {
            AlgorithmParameters params = info.getAlgParameters();
            String algorithm = params != null && params.toString().startsWith("PBEWith") ? params.toString() : info.getAlgName();
            Key key = SecretKeyFactory.getInstance(algorithm).generateSecret(spec);
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, key, params);
            return pkcs8(info.getKeySpec(cipher).getEncoded(), file);
        } catch (InvalidKeySpecException | IllegalArgumentException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith("unsupported")) {
                throw iae;
            }
            throw PemFiles.wrongPassword(file, e);
        } catch (GeneralSecurityException e) {
            if (e.getCause() instanceof BadPaddingException || e instanceof BadPaddingException) {
                throw PemFiles.wrongPassword(file, e);
            }
            throw new IllegalArgumentException("the private key in " + file + " is encrypted with a scheme the JDK cannot"
                    + " use: put Bouncy Castle (" + PemFiles.BOUNCY_CASTLE + ") on the class path", e);
        } finally {
            spec.clearPassword();
        }
    }
}
