package io.jproton;

import java.util.Set;

/**
 * Authenticates the clients of a listener: the server side of SASL. Proton C++ leaves this to a
 * Cyrus SASL configuration ({@code connection_options::sasl_config_name/path}); jproton takes it
 * from the application: set one with {@link ConnectionOptions#authenticator(Authenticator)} in a
 * listener's options, the options a {@link ListenHandler#onAccept} returns, or the container's
 * {@link Container#serverConnectionOptions server defaults}. {@link UserStore} is one, on a file
 * of SCRAM verifiers.
 *
 * <p><b>Without an authenticator</b> a listener does what a Proton C++ listener does without a
 * SASL configuration: it offers ANONYMOUS, and EXTERNAL where TLS verifies client certificates;
 * it accepts every client, as {@code anonymous} or the certificate's subject; it never offers PLAIN
 * (it could not check the password) and lets clients skip SASL.
 *
 * <p><b>With one</b>, authentication is required. The listener offers those of
 * {@link #mechanisms()} that jproton speaks ({@code SCRAM-SHA-512}, {@code SCRAM-SHA-256},
 * {@code PLAIN}, {@code EXTERNAL}, {@code ANONYMOUS}), except PLAIN over a connection without TLS
 * unless {@link ConnectionOptions#saslAllowInsecureMechs(boolean)} is true, and EXTERNAL unless TLS
 * verifies client certificates; narrowed to {@link ConnectionOptions#saslAllowedMechs(String)} if
 * set. A client that skips SASL, or that the authenticator refuses, gets a {@code sasl-outcome}
 * with code {@code auth} and its connection ends: the listener's handler gets no callback for it,
 * {@code onTransportOpen} included (for an accepted client it comes once authentication has
 * succeeded). An accepted client's {@link Connection#user()} and {@link Transport#sasl()} show the
 * user name the authenticator returned.
 *
 * <p>Thread-safety: a connection calls its authenticator on the thread that serves it; in the
 * multi-threaded container, several connections call one authenticator at once, so it must be
 * thread-safe. The calls block that thread: keep them short. One that throws refuses that client
 * (outcome {@code sys}); the exception is logged, the container runs on.
 */
public interface Authenticator {
    /**
     * @return the mechanisms this authenticator can check, upper case, such as
     *         {@code SCRAM-SHA-256} and {@code PLAIN}
     */
    Set<String> mechanisms();

    /**
     * PLAIN (RFC 4616): a user name and password. Compare against a salted hash of the password
     * (such as {@link ScramVerifier#matches(char[])}), never a stored password.
     *
     * @param user the user name the client gave
     * @param password the password the client gave; cleared after the call
     * @return the authenticated user name, or null to refuse
     */
    default String authenticatePlain(String user, char[] password) {
        return null;
    }

    /**
     * SCRAM (RFC 5802, RFC 7677): the stored verifier the exchange checks the client against;
     * the password never reaches the server.
     *
     * @param mechanism {@code SCRAM-SHA-256} or {@code SCRAM-SHA-512}
     * @param user the user name the client gave
     * @return the user's verifier for that mechanism, or null for an unknown user (the client is
     *         refused, and cannot tell an unknown user from a wrong password)
     */
    default ScramVerifier scramVerifier(String mechanism, String user) {
        return null;
    }

    /**
     * EXTERNAL: the client is who its TLS certificate, verified by the listener's trusted
     * authorities, says it is.
     *
     * @param certificateSubject the subject of the client's verified certificate, such as
     *        {@code CN=test_client,O=jproton}
     * @return the authenticated user name, or null to refuse
     */
    default String authenticateExternal(String certificateSubject) {
        return null;
    }

    /**
     * ANONYMOUS (RFC 4505).
     *
     * @param trace what the client sent as its trace (often a user name or an e-mail address; not checked)
     * @return the user name to give the client, such as {@code anonymous}, or null to refuse
     */
    default String authenticateAnonymous(String trace) {
        return null;
    }
}
