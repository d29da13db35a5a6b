package io.jproton;

/**
 * Follows a sent message's delivery, as {@code proton::tracker}.
 *
 * <p>Thread-safety: confined to its connection's context; see {@link Endpoint}.
 */
public interface Tracker extends Transfer {
    /**
     * @return the sender the message was sent on
     */
    Sender sender();

    /**
     * As C++ {@code tracker::tag()}.
     *
     * @return a copy of the delivery tag
     */
    byte[] tag();
}
