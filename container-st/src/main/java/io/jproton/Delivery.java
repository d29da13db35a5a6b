package io.jproton;

/**
 * A received message's delivery, as {@code proton::delivery}: used to accept, reject, release or
 * modify it. Each of those settles the delivery.
 *
 * <p>Thread-safety: confined to its connection's context; see {@link Endpoint}.
 */
public interface Delivery extends Transfer {
    /**
     * @return the receiver the message came on
     */
    Receiver receiver();

    /** Accepts and settles. */
    void accept();

    /** Rejects and settles. */
    void reject();

    /** Releases and settles: the message may be delivered again (not counted as a delivery attempt). */
    void release();

    /** Modifies (delivery failed, may be redelivered) and settles. */
    void modify();

    /**
     * @return the state this side set (by accept, reject, ...), NONE if none yet
     */
    State localState();

    /**
     * As C++ {@code delivery::tag()}: the tag the sender gave the delivery.
     *
     * @return a copy of the delivery tag
     */
    byte[] tag();
}
