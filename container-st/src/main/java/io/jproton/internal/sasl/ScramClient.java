package io.jproton.internal.sasl;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;

/**
 * The client side of one SCRAM exchange (RFC 5802): the client-first message, the client-final
 * message that answers the server's challenge, and the check of the server's signature, without
 * which the exchange has not succeeded (the server must prove it knows the password too).
 * Channel binding is not used ({@code n,,}).
 *
 * <p>Thread-safety: not thread-safe; one per connection attempt, confined to its connection.
 */
public final class ScramClient {
    private static final String GS2_HEADER = "n,,";
    private final Scram.Hash hash;
    private final String clientNonce;
    private final String clientFirstBare;
    private char[] password;
    private byte[] serverSignature;
    private boolean verified;

    /**
     * @param hash the mechanism's hash
     * @param user the user name
     * @param password the password; copied, and the copy cleared once used
     */
    public ScramClient(Scram.Hash hash, String user, char[] password) {
        this(hash, user, password, Scram.nonce());
    }

    ScramClient(Scram.Hash hash, String user, char[] password, String nonce) {
        this.hash = hash;
        this.password = password.clone();
        this.clientNonce = nonce;
        this.clientFirstBare = "n=" + Scram.saslName(user) + ",r=" + nonce;
    }

    /** @return the client-first message, the initial response of the sasl-init frame */
    public byte[] first() {
        return Scram.utf8(GS2_HEADER + clientFirstBare);
    }

    /**
     * Answers a sasl-challenge: the server-first message with the client-final message, or the
     * server-final message (which some servers send as a second challenge) with an empty response.
     *
     * @param challenge the challenge
     * @return the response
     * @throws SaslFailure if the server's message is malformed, unacceptable or wrongly signed
     */
    public byte[] respond(byte[] challenge) throws SaslFailure {
        if (serverSignature == null) {
            return answer(challenge);
        }
        verify(challenge);
        return new byte[0];
    }

    /**
     * @param challenge the server-first message
     * @return the client-final message
     * @throws SaslFailure if the server's message is malformed or unacceptable
     */
    public byte[] answer(byte[] challenge) throws SaslFailure {
        if (password == null) {
            throw new SaslFailure("the server sent a second SCRAM challenge where its final message was due");
        }
        String serverFirst = Scram.utf8(challenge);
        Map<Character, String> a = Scram.attributes(serverFirst);
        if (a.containsKey('m')) {
            throw new SaslFailure("the server asked for a SCRAM extension the client does not support");
        }
        String nonce = a.get('r');
        if (nonce == null || !nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length()) {
            throw new SaslFailure("the server's SCRAM nonce does not extend the client's");
        }
        byte[] salt = Scram.base64(a.getOrDefault('s', ""), "salt");
        int iterations;
        try {
            iterations = Integer.parseInt(a.getOrDefault('i', ""));
        } catch (NumberFormatException e) {
            throw new SaslFailure("the server's SCRAM iteration count is not a number");
        }
        if (iterations < Scram.MIN_ITERATIONS || iterations > Scram.MAX_ITERATIONS) {
            throw new SaslFailure("the server asks for " + iterations + " SCRAM iterations, outside " + Scram.MIN_ITERATIONS
                    + ".." + Scram.MAX_ITERATIONS);
        }
        byte[] salted = hash.saltedPassword(password, salt, iterations);
        Arrays.fill(password, '\0');
        password = null;
        String withoutProof = "c=" + Scram.base64(Scram.utf8(GS2_HEADER)) + ",r=" + nonce;
        byte[] authMessage = Scram.utf8(clientFirstBare + "," + serverFirst + "," + withoutProof);
        byte[] clientKey = hash.clientKey(salted);
        byte[] clientSignature = hash.hmac(hash.hash(clientKey), authMessage);
        serverSignature = hash.hmac(hash.serverKey(salted), authMessage);
        Arrays.fill(salted, (byte) 0);
        return Scram.utf8(withoutProof + ",p=" + Scram.base64(Scram.xor(clientKey, clientSignature)));
    }

    /**
     * Checks the server-final message.
     *
     * @param serverFinal the server's final message
     * @throws SaslFailure if it reports an error or its signature is not the one the password gives
     */
    public void verify(byte[] serverFinal) throws SaslFailure {
        if (serverSignature == null) {
            throw new SaslFailure("the server sent its SCRAM final message before its challenge");
        }
        Map<Character, String> a = Scram.attributes(Scram.utf8(serverFinal));
        if (a.containsKey('e')) {
            throw new SaslFailure("the server refused the SCRAM proof (" + a.get('e') + ")");
        }
        byte[] v = Scram.base64(a.getOrDefault('v', ""), "server signature");
        if (!MessageDigest.isEqual(v, serverSignature)) {
            throw new SaslFailure("the server's SCRAM signature is wrong: the server does not know the password");
        }
        verified = true;
    }

    /** @return true once the server's signature has been checked */
    public boolean verified() {
        return verified;
    }
}
