package io.jproton;

/**
 * The TLS session of a connection's transport, as {@code proton::ssl}.
 *
 * <p>Thread-safety: confined to its connection's context; see {@link Endpoint}.
 */
public interface Ssl {
    /**
     * @return the protocol negotiated, e.g. {@code TLSv1.3}, or null before the handshake has finished
     */
    String protocol();

    /**
     * @return the cipher suite negotiated, or null before the handshake has finished
     */
    String cipher();

    /**
     * @return the subject of the peer's certificate (e.g. {@code CN=test_server, O=...}), or null
     *         if the peer presented none
     */
    String remoteSubject();

    /**
     * As C++ {@code ssl::ssf()}: the security strength factor, the number of bits of the
     * negotiated cipher's key (e.g. 128 for AES-128-GCM, 256 for AES-256 or ChaCha20), read from
     * the cipher suite's name.
     *
     * @return the key bits, 0 before the handshake has finished or for an unknown cipher
     */
    int ssf();
}
