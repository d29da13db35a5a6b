package io.jproton.internal.sasl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The arithmetic of SCRAM (RFC 5802, RFC 7677): salted passwords, client and server keys, nonces
 * and the message syntax, on the JDK's own {@code Mac}, {@code MessageDigest} and PBKDF2.
 * Passwords are used as their UTF-8 bytes (the JDK's PBKDF2 encodes them so), without SASLprep,
 * as Qpid JMS and Artemis compute them for the ASCII passwords that SASLprep leaves unchanged.
 *
 * <p>Thread-safety: stateless; thread-safe.
 */
public final class Scram {
    /** The fewest iterations a verifier or a server may ask for (RFC 7677: at least 4096). */
    public static final int MIN_ITERATIONS = 4096;
    /** The most iterations a client computes for a server, so that a server cannot stall the client's thread. */
    public static final int MAX_ITERATIONS = 1_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The hash functions of the SCRAM mechanisms jproton speaks. */
    public enum Hash {
        /** SCRAM-SHA-256 (RFC 7677). */
        SHA_256("SCRAM-SHA-256", "SHA-256", "HmacSHA256", "PBKDF2WithHmacSHA256", 32),
        /** SCRAM-SHA-512. */
        SHA_512("SCRAM-SHA-512", "SHA-512", "HmacSHA512", "PBKDF2WithHmacSHA512", 64);

        private final String mechanism;
        private final String digest;
        private final String hmac;
        private final String pbkdf2;
        private final int length;

        Hash(String mechanism, String digest, String hmac, String pbkdf2, int length) {
            this.mechanism = mechanism;
            this.digest = digest;
            this.hmac = hmac;
            this.pbkdf2 = pbkdf2;
            this.length = length;
        }

        /** @return the SASL mechanism name, e.g. {@code SCRAM-SHA-256} */
        public String mechanism() {
            return mechanism;
        }

        /** @return the length of a key or signature in bytes */
        public int length() {
            return length;
        }

        /**
         * @param mechanism a SASL mechanism name, any case
         * @return its hash, or null if it is not a SCRAM mechanism jproton speaks
         */
        public static Hash of(String mechanism) {
            for (Hash h : values()) {
                if (h.mechanism.equalsIgnoreCase(mechanism)) {
                    return h;
                }
            }
            return null;
        }

        /** @return Hi(password, salt, iterations): PBKDF2 with this HMAC */
        public byte[] saltedPassword(char[] password, byte[] salt, int iterations) {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, length * 8);
            try {
                return SecretKeyFactory.getInstance(pbkdf2).generateSecret(spec).getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(pbkdf2 + " is missing from this JVM", e);
            } finally {
                spec.clearPassword();
            }
        }

        /** @return HMAC(key, text) */
        public byte[] hmac(byte[] key, byte[] text) {
            try {
                Mac mac = Mac.getInstance(hmac);
                mac.init(new SecretKeySpec(key, hmac));
                return mac.doFinal(text);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(hmac + " is missing from this JVM", e);
            }
        }

        /** @return H(bytes) */
        public byte[] hash(byte[] bytes) {
            try {
                return MessageDigest.getInstance(digest).digest(bytes);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(digest + " is missing from this JVM", e);
            }
        }

        /** @return ClientKey = HMAC(SaltedPassword, "Client Key") */
        public byte[] clientKey(byte[] saltedPassword) {
            return hmac(saltedPassword, "Client Key".getBytes(StandardCharsets.US_ASCII));
        }

        /** @return ServerKey = HMAC(SaltedPassword, "Server Key") */
        public byte[] serverKey(byte[] saltedPassword) {
            return hmac(saltedPassword, "Server Key".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private Scram() {}

    /** @return a fresh random nonce of printable characters without ',' */
    public static String nonce() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * @param n how many bytes
     * @return random bytes, for salts
     */
    public static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** @return a ^ b, element by element (equal lengths) */
    static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    /** @return the user name as a SCRAM saslname: '=' as "=3D" and ',' as "=2C" */
    static String saslName(String user) {
        return user.replace("=", "=3D").replace(",", "=2C");
    }

    /** @return the user name of a saslname, or null if it has an '=' that is not "=3D" or "=2C" */
    static String userOf(String saslName) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < saslName.length(); i++) {
            char c = saslName.charAt(i);
            if (c != '=') {
                out.append(c);
            } else if (saslName.startsWith("=3D", i)) {
                out.append('=');
                i += 2;
            } else if (saslName.startsWith("=2C", i)) {
                out.append(',');
                i += 2;
            } else {
                return null;
            }
        }
        return out.toString();
    }

    /**
     * Splits a SCRAM message into its attributes, in order.
     *
     * @param message such as {@code r=abc,s=QSXCR+Q6sek8bf92,i=4096}
     * @return attribute letter to value
     * @throws SaslFailure if the message is not a list of {@code x=value} attributes
     */
    static Map<Character, String> attributes(String message) throws SaslFailure {
        Map<Character, String> out = new LinkedHashMap<>();
        for (String part : message.split(",", -1)) {
            if (part.length() < 2 || part.charAt(1) != '=' || !Character.isLetter(part.charAt(0))) {
                throw new SaslFailure("a SCRAM message is malformed");
            }
            out.putIfAbsent(part.charAt(0), part.substring(2));
        }
        return out;
    }

    /** @return the bytes of a base64 attribute, or throws naming the attribute */
    static byte[] base64(String value, String what) throws SaslFailure {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new SaslFailure("a SCRAM " + what + " is not base64");
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
