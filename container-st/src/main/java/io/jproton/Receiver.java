package io.jproton;

/**
 * A link that receives messages, as {@code proton::receiver}.
 *
 * <p>Thread-safety: confined to its connection's context; see {@link Endpoint}.
 */
public interface Receiver extends Link {
    /** Opens a receiver that the peer initiated, mirroring the peer's termini (done for you after {@code onReceiverOpen}). */
    void open();

    /**
     * Opens a receiver that the peer initiated, with options.
     *
     * @param options the options
     */
    void open(ReceiverOptions options);

    /**
     * Grants the sender more credit. Use with a credit window of 0 (manual flow control).
     *
     * @param credit how many more messages the peer may send, not negative
     */
    void addCredit(int credit);

    /**
     * Asks the sender to use up or give back all its credit; {@link MessagingHandler#onReceiverDrainFinish}
     * follows once the credit is zero (at once, after the current callback, if it already is).
     *
     * @throws IllegalStateException if a drain is already in progress
     */
    void drain();
}
