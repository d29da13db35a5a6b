package io.jproton;

/**
 * A link that sends messages, as {@code proton::sender}.
 *
 * <p>Thread-safety: confined to its connection's context; see {@link Endpoint}.
 */
public interface Sender extends Link {
    /**
     * Sends a message. Check {@link #credit()} first (or send from
     * {@link MessagingHandler#onSendable(Sender)}): a message sent without credit is buffered until
     * the peer grants credit.
     *
     * @param message the message; it is encoded at once, so it may be reused afterwards
     * @return the tracker that follows the message's delivery
     */
    Tracker send(Message message);

    /**
     * Sends a message with a delivery tag of the application's choosing, as C++
     * {@code sender::send(message, binary tag)}. The tag must be unique among this link's
     * unsettled deliveries (AMQP requires it; it is not checked).
     *
     * @param message the message, encoded at once
     * @param tag the delivery tag, at most 32 bytes (AMQP's limit); copied
     * @return the tracker that follows the message's delivery
     * @throws IllegalArgumentException if the tag is empty or longer than 32 bytes
     */
    Tracker send(Message message, byte[] tag);

    /** Opens a sender that the peer initiated, mirroring the peer's termini (done for you after {@code onSenderOpen}). */
    void open();

    /**
     * Opens a sender that the peer initiated, with options (for example a source address for a dynamic node).
     *
     * @param options the options
     */
    void open(SenderOptions options);

    /** Gives back all credit after a drain request: tells the peer that nothing more will be sent now. */
    void returnCredit();
}
