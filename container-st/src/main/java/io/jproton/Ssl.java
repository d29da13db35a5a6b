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
}
