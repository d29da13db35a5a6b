package io.jproton.internal.sasl;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

/**
 * The server side of one SCRAM exchange (RFC 5802), against stored secrets (salt, iterations,
 * StoredKey, ServerKey) rather than passwords. An unknown user gets a challenge made up from a
 * secret of this JVM, so that a client cannot tell an unknown user from a wrong password.
 *
 * <p>Thread-safety: not thread-safe; one per connection, confined to it.
 */
public final class ScramServer {
    private static final byte[] FAKE_KEY = Scram.randomBytes(32);

    /**
     * What the server stores for a user: never the password.
     *
     * @param salt the salt
     * @param iterations the PBKDF2 iteration count
     * @param storedKey H(ClientKey)
     * @param serverKey HMAC(SaltedPassword, "Server Key")
     */
    public record Secret(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) { }

    private final Scram.Hash hash;
    private final Function<String, Secret> lookup;
    private String gs2Header;
    private String user;
    private Secret secret;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private byte[] serverFinal;

    /**
     * @param hash the mechanism's hash
     * @param lookup the stored secret of a user, or null for an unknown user
     */
    public ScramServer(Scram.Hash hash, Function<String, Secret> lookup) {
        this.hash = hash;
        this.lookup = lookup;
    }

    /**
     * @param clientFirst the client-first message (the sasl-init frame's initial response)
     * @return the server-first message, the challenge
     * @throws SaslFailure if the client's message is malformed or asks for what jproton does not do
     */
    public byte[] challenge(byte[] clientFirst) throws SaslFailure {
        String message = Scram.utf8(clientFirst);
        int first = message.indexOf(',');
        int second = first < 0 ? -1 : message.indexOf(',', first + 1);
        if (second < 0) {
            throw new SaslFailure("a malformed SCRAM client-first message");
        }
        String cbind = message.substring(0, first);
        if (!cbind.equals("n") && !cbind.equals("y")) {
            throw new SaslFailure("SCRAM channel binding, which this server does not support");
        }
        gs2Header = message.substring(0, second + 1);
        clientFirstBare = message.substring(second + 1);
        Map<Character, String> a = Scram.attributes(clientFirstBare);
        if (a.containsKey('m') || !clientFirstBare.startsWith("n=")) {
            throw new SaslFailure("a malformed SCRAM client-first message");
        }
        user = Scram.userOf(a.get('n'));
        String authzid = message.substring(first + 1, second);
        if (user == null || user.isEmpty()
                || !authzid.isEmpty() && !(authzid.startsWith("a=") && user.equals(Scram.userOf(authzid.substring(2))))) {
            throw new SaslFailure("a SCRAM user name that is malformed or differs from the authorization identity");
        }
        String clientNonce = a.get('r');
        if (clientNonce == null || clientNonce.isEmpty()) {
            throw new SaslFailure("a SCRAM client-first message without a nonce");
        }
        secret = lookup.apply(user);
        if (secret == null) {
            secret = fake(user);
        }
        nonce = clientNonce + Scram.nonce();
        serverFirst = "r=" + nonce + ",s=" + Scram.base64(secret.salt()) + ",i=" + secret.iterations();
        return Scram.utf8(serverFirst);
    }

    /**
     * @param clientFinal the client-final message (the sasl-response frame)
     * @return the authenticated user name
     * @throws SaslFailure if the proof is wrong or the message malformed
     */
    public String finish(byte[] clientFinal) throws SaslFailure {
        if (serverFirst == null) {
            throw new SaslFailure("a SCRAM final message before the first");
        }
        String message = Scram.utf8(clientFinal);
        int p = message.lastIndexOf(",p=");
        if (p < 0) {
            throw new SaslFailure("a SCRAM client-final message without a proof");
        }
        String withoutProof = message.substring(0, p);
        Map<Character, String> a = Scram.attributes(message);
        if (!Scram.base64(Scram.utf8(gs2Header)).equals(a.get('c')) || !nonce.equals(a.get('r'))) {
            throw new SaslFailure("a SCRAM client-final message whose binding or nonce does not match");
        }
        byte[] proof = Scram.base64(a.get('p'), "proof");
        byte[] authMessage = Scram.utf8(clientFirstBare + "," + serverFirst + "," + withoutProof);
        byte[] clientSignature = hash.hmac(secret.storedKey(), authMessage);
        if (proof.length != clientSignature.length
                || !MessageDigest.isEqual(hash.hash(Scram.xor(proof, clientSignature)), secret.storedKey())) {
            throw new SaslFailure("a wrong SCRAM proof");
        }
        serverFinal = Scram.utf8("v=" + Scram.base64(hash.hmac(secret.serverKey(), authMessage)));
        return user;
    }

    /** @return the server-final message, once {@link #finish} has succeeded */
    public byte[] serverFinal() {
        return serverFinal;
    }

    /** @return the user the client named in its first message, or null before it */
    public String user() {
        return user;
    }

    private Secret fake(String name) {
        byte[] salt = Arrays.copyOf(hash.hmac(FAKE_KEY, Scram.utf8(name)), 16);
        return new Secret(salt, Scram.MIN_ITERATIONS, Scram.randomBytes(hash.length()), Scram.randomBytes(hash.length()));
    }
}
