package io.jproton;

import io.jproton.internal.sasl.Scram;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * What a server stores to check a SCRAM client (RFC 5802, RFC 7677) or a PLAIN password: the
 * mechanism, a random salt, the PBKDF2 iteration count, StoredKey = H(HMAC(SaltedPassword,
 * "Client Key")) and ServerKey = HMAC(SaltedPassword, "Server Key"). Never the password, which
 * cannot be recovered from it except by guessing (each guess costing the iterations).
 *
 * <p>Its text form ({@link #encode()}, {@link #parse(String)}) is RFC 5803's, as PostgreSQL
 * stores SCRAM secrets: {@code SCRAM-SHA-256$4096:SALT$STOREDKEY:SERVERKEY}, base64. Proton C++ has
 * no such type (Cyrus SASL keeps its own database).
 *
 * <p>Thread-safety: immutable; thread-safe. {@link #toString()} shows neither salt nor keys.
 */
public final class ScramVerifier {
    /** Iterations of a new verifier: RFC 7677's minimum, what Artemis and PostgreSQL use. */
    public static final int DEFAULT_ITERATIONS = Scram.MIN_ITERATIONS;
    private final Scram.Hash hash;
    private final int iterations;
    private final byte[] salt;
    private final byte[] storedKey;
    private final byte[] serverKey;

    private ScramVerifier(Scram.Hash hash, int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
        this.hash = hash;
        this.iterations = iterations;
        this.salt = salt;
        this.storedKey = storedKey;
        this.serverKey = serverKey;
    }

    /**
     * A verifier with a fresh random salt and {@link #DEFAULT_ITERATIONS}.
     *
     * @param mechanism {@code SCRAM-SHA-256} or {@code SCRAM-SHA-512}
     * @param password the password (used as its UTF-8 bytes, as Qpid JMS and Artemis do)
     * @return the verifier
     * @throws IllegalArgumentException for another mechanism
     */
    public static ScramVerifier create(String mechanism, char[] password) {
        return create(mechanism, password, DEFAULT_ITERATIONS);
    }

    /**
     * @param mechanism {@code SCRAM-SHA-256} or {@code SCRAM-SHA-512}
     * @param password the password
     * @param iterations PBKDF2 iterations, at least 4096 (clients refuse fewer)
     * @return a verifier with a fresh random salt
     * @throws IllegalArgumentException for another mechanism or too few iterations
     */
    public static ScramVerifier create(String mechanism, char[] password, int iterations) {
        Scram.Hash hash = hashOf(mechanism);
        if (iterations < Scram.MIN_ITERATIONS || iterations > Scram.MAX_ITERATIONS) {
            throw new IllegalArgumentException("SCRAM iterations must be " + Scram.MIN_ITERATIONS + ".." + Scram.MAX_ITERATIONS
                    + ", got " + iterations);
        }
        byte[] salt = Scram.randomBytes(16);
        byte[] salted = hash.saltedPassword(password, salt, iterations);
        ScramVerifier v = new ScramVerifier(hash, iterations, salt, hash.hash(hash.clientKey(salted)), hash.serverKey(salted));
        Arrays.fill(salted, (byte) 0);
        return v;
    }

    /**
     * @param text a verifier's {@link #encode() text form}
     * @return the verifier
     * @throws IllegalArgumentException if the text is not one (the message does not repeat it)
     */
    public static ScramVerifier parse(String text) {
        String[] parts = text.split("[$:]", -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException("not a SCRAM verifier (MECHANISM$ITERATIONS:SALT$STOREDKEY:SERVERKEY)");
        }
        Scram.Hash hash = hashOf(parts[0]);
        try {
            int iterations = Integer.parseInt(parts[1]);
            Base64.Decoder d = Base64.getDecoder();
            byte[] salt = d.decode(parts[2]);
            byte[] stored = d.decode(parts[3]);
            byte[] server = d.decode(parts[4]);
            if (iterations < 1 || salt.length == 0 || stored.length != hash.length() || server.length != hash.length()) {
                throw new IllegalArgumentException("a SCRAM verifier with a bad iteration count or key length");
            }
            return new ScramVerifier(hash, iterations, salt, stored, server);
        } catch (IllegalArgumentException e) { // NumberFormatException too
            throw new IllegalArgumentException("a malformed " + hash.mechanism() + " verifier", null);
        }
    }

    private static Scram.Hash hashOf(String mechanism) {
        Scram.Hash hash = Scram.Hash.of(mechanism);
        if (hash == null) {
            throw new IllegalArgumentException("not a SCRAM mechanism jproton speaks: use SCRAM-SHA-256 or SCRAM-SHA-512");
        }
        return hash;
    }

    /**
     * Checks a password, as a server does for PLAIN: the salted hash of the candidate against this
     * one, in time that does not depend on where they differ.
     *
     * @param password the candidate password
     * @return true if it is the password this verifier was made from
     */
    public boolean matches(char[] password) {
        byte[] salted = hash.saltedPassword(password, salt, iterations);
        byte[] candidate = hash.hash(hash.clientKey(salted));
        Arrays.fill(salted, (byte) 0);
        return MessageDigest.isEqual(candidate, storedKey);
    }

    /** @return the text form, {@code SCRAM-SHA-256$4096:SALT$STOREDKEY:SERVERKEY} */
    public String encode() {
        Base64.Encoder e = Base64.getEncoder();
        return hash.mechanism() + "$" + iterations + ":" + e.encodeToString(salt) + "$" + e.encodeToString(storedKey) + ":"
                + e.encodeToString(serverKey);
    }

    /** @return the mechanism, {@code SCRAM-SHA-256} or {@code SCRAM-SHA-512} */
    public String mechanism() {
        return hash.mechanism();
    }

    /** @return the PBKDF2 iteration count */
    public int iterations() {
        return iterations;
    }

    /** @return a copy of the salt */
    public byte[] salt() {
        return salt.clone();
    }

    /** @return a copy of StoredKey */
    public byte[] storedKey() {
        return storedKey.clone();
    }

    /** @return a copy of ServerKey */
    public byte[] serverKey() {
        return serverKey.clone();
    }

    /** @return the mechanism and iterations; never the salt or keys */
    @Override
    public String toString() {
        return "scram-verifier(" + hash.mechanism() + ", " + iterations + " iterations)";
    }
}
