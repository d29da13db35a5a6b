package io.jproton.internal.sasl;

/**
 * Authentication cannot go on: a peer's message is malformed, or it does not prove what it must.
 * The message says what went wrong without repeating anything secret the peer sent.
 *
 * <p>Thread-safety: immutable.
 */
public final class SaslFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, free of secrets
     */
    public SaslFailure(String message) {
        super(message, null, false, false);
    }
}
