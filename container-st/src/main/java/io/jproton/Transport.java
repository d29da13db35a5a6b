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
}
