package io.jproton;

import java.util.List;

/**
 * An AMQP session, as {@code proton::session}.
 *
 * <p>Thread-safety: confined to its connection's context; see {@link Endpoint}.
 */
public interface Session extends Endpoint {
    /** Opens the session. */
    void open();

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
