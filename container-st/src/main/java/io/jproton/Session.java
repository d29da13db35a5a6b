package io.jproton;

import java.util.List;

/**
 * An AMQP session, as {@code proton::session}.
 *
 * <p>Thread-safety: confined to its connection's context; see {@link Endpoint}.
 */
public interface Session extends Endpoint {
    /** Opens the session, as C++ {@code session::open()}. */
    void open();

    /**
     * Opens the session with options, as C++ {@code session::open(session_options)}: the options'
     * handler and incoming capacity apply if the session is not open yet (a session the peer
     * began, in {@code onSessionOpen}); once it is open they are ignored.
     *
     * @param options the options, may be null
     */
    void open(SessionOptions options);

    /**
     * As C++ {@code session::incoming_bytes()}: bytes received on this session that the
     * application has not read yet (in deliveries not yet complete, or not yet taken).
     *
     * @return the bytes
     */
    long incomingBytes();

    /**
     * As C++ {@code session::outgoing_bytes()}: bytes sent on this session that have not yet gone
     * onto the wire.
     *
     * @return the bytes
     */
    long outgoingBytes();

    /**
     * @param address the target address
     * @return a new sender on this session
     */
    Sender openSender(String address);

    /**
     * @param address the target address
     * @param options the options
     * @return a new sender on this session
     */
    Sender openSender(String address, SenderOptions options);

    /**
     * @param address the source address
     * @return a new receiver on this session
     */
    Receiver openReceiver(String address);

    /**
     * @param address the source address
     * @param options the options
     * @return a new receiver on this session
     */
    Receiver openReceiver(String address, ReceiverOptions options);

    /**
     * @return this session's senders
     */
    List<Sender> senders();

    /**
     * @return this session's receivers
     */
    List<Receiver> receivers();
}
