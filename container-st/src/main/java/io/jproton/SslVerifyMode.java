package io.jproton;

/**
 * How much of the peer's identity TLS checks, as {@code proton::ssl::verify_mode}.
 *
 * <p>Thread-safety: an enum; immutable.
 */
public enum SslVerifyMode {
    /**
     * Require a trusted certificate whose name matches the host connected to (the client default,
     * as in C++; see {@link SslClientOptions} for how names are matched).
     */
    VERIFY_PEER_NAME,
    /** Require a trusted certificate; do not check its name. */
    VERIFY_PEER,
    /** Encrypt, but check nothing of the peer (servers: do not ask clients for certificates). */
    ANONYMOUS_PEER
}
