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
}
