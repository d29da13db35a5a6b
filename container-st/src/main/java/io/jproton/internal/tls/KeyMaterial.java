package io.jproton.internal.tls;

import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * A private key and its certificate chain, checked to belong together: the key signs a random
 * challenge and the first certificate's public key must verify it. (Java's TLS would otherwise
 * take a mismatched pair and fail every handshake with an unhelpful error.)
 *
 * <p>Thread-safety: immutable.
 *
 * @param key the private key
 * @param chain the certificate chain, the key's own certificate first
 */
record KeyMaterial(PrivateKey key, X509Certificate[] chain) {

    /**
     * @param keyFile the key's file, for errors
     * @param certificateFile the certificate's file, for errors
     * @return this, once the key is found to belong to the first certificate
     * @throws IllegalArgumentException naming the files if it does not, or the key type is unsupported
     */
    KeyMaterial checked(String keyFile, String certificateFile) {
        if (chain.length == 0) {
            throw new IllegalArgumentException("no certificate in " + certificateFile);
        }
        byte[] challenge = io.jproton.internal.sasl.Scram.randomBytes(32);
        try {
            Signature sign = signature(key.getAlgorithm());
            sign.initSign(key);
            sign.update(challenge);
            byte[] signed = sign.sign();
            Signature verify = signature(key.getAlgorithm());
            verify.initVerify(chain[0].getPublicKey());
            verify.update(challenge);
            if (verify.verify(signed)) {
                return this;
            }
        } catch (java.security.InvalidKeyException | java.security.SignatureException e) {
            // a key of another type than the certificate's: a mismatch
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("unsupported private key type " + key.getAlgorithm() + " in " + keyFile
                    + " (TLS in Java takes RSA, EC, EdDSA and DSA keys)", e);
        }
        throw new IllegalArgumentException("the certificate in " + certificateFile + " (" + chain[0].getSubjectX500Principal()
                + ") does not match the private key in " + keyFile);
    }

    private static Signature signature(String keyAlgorithm) throws java.security.GeneralSecurityException {
        return switch (keyAlgorithm) {
            case "RSA" -> Signature.getInstance("SHA256withRSA");
            case "EC" -> Signature.getInstance("SHA256withECDSA");
            case "DSA" -> Signature.getInstance("SHA256withDSA");
            case "RSASSA-PSS" -> {
                Signature s = Signature.getInstance("RSASSA-PSS");
                s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                yield s;
            }
            default -> Signature.getInstance(keyAlgorithm); // Ed25519, Ed448, EdDSA
        };
    }
}
