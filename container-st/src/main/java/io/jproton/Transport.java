package io.jproton;

/**
 * The network transport under a connection, as {@code proton::transport}.
 *
 * <p>Thread-safety: confined to its connection's context; see {@link Endpoint}.
 */
public interface Transport {
    /**
     * @return the connection on this transport
     */
    Connection connection();

    /**
     * @return the error the transport closed with, or null
     */
    ErrorCondition error();

    /**
     * @return the TLS session, or null if the transport does not use TLS
     */
    Ssl ssl();

    /**
     * @return the SASL layer (its outcome is {@link Sasl.Outcome#NONE} where SASL is not used)
     */
    Sasl sasl();

    /**
     * The peer's socket address: for a client connection the host and port it connected to (after
     * a reconnect, the current one), for an accepted connection the client's. A jproton addition
     * (Proton C++ has none).
     *
     * @return the peer's address, or null before a socket connected and for a
     *         {@link ConnectionEngine} (it has no socket); after the transport closed, the last one
     */
    java.net.InetSocketAddress peerAddress();

    /**
     * The local end's socket address (a jproton addition).
     *
     * @return the local address, or null as for {@link #peerAddress()}
     */
    java.net.InetSocketAddress localAddress();
}
