package io.jproton.mt.pool;

import io.jproton.ErrorCondition;
import io.jproton.Transfer;
import java.util.Objects;

/**
 * What the peer decided for a message sent through a {@link ThreadSafeSender}: the value its
 * future completes with. Proton C++ reports the same through {@code on_tracker_accept},
 * {@code on_tracker_reject}, {@code on_tracker_release} and the tracker's {@code state()}; here one
 * value carries it to the application thread.
 *
 * <ul>
 * <li>{@link Transfer.State#ACCEPTED}: the peer took the message (at-least-once: it is the peer's now);
 * <li>{@link Transfer.State#REJECTED}: the peer refused it as invalid; {@link #condition()} says why
 *     (null if the peer gave no error); sending it again will not help;
 * <li>{@link Transfer.State#RELEASED}: the peer did not process it; it may be sent again;
 * <li>{@link Transfer.State#MODIFIED}: as released, with the flags {@link #deliveryFailed()} and
 *     {@link #undeliverableHere()} the peer set;
 * <li>{@link Transfer.State#NONE}: the peer settled it without an outcome, or the sender is
 *     at-most-once (pre-settled): the message was handed to the connection and nothing more is known.
 * </ul>
 *
 * <p>A message whose connection was lost before the peer settled it has no outcome: its future
 * completes exceptionally with {@link SendFailedException} instead.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 */
public final class Outcome {
    private static final Outcome ACCEPTED = new Outcome(Transfer.State.ACCEPTED, null, false, false);
    private static final Outcome RELEASED = new Outcome(Transfer.State.RELEASED, null, false, false);
    private static final Outcome NONE = new Outcome(Transfer.State.NONE, null, false, false);

    private final Transfer.State state;
    private final ErrorCondition condition;
    private final boolean deliveryFailed;
    private final boolean undeliverableHere;

    private Outcome(Transfer.State state, ErrorCondition condition, boolean deliveryFailed, boolean undeliverableHere) {
        this.state = state;
        this.condition = condition;
        this.deliveryFailed = deliveryFailed;
        this.undeliverableHere = undeliverableHere;
    }

    /** @return the outcome "accepted" (one shared instance) */
    public static Outcome accepted() {
        return ACCEPTED;
    }

    /**
     * @param condition the error the peer gave, or null
     * @return the outcome "rejected"
     */
    public static Outcome rejected(ErrorCondition condition) {
        return new Outcome(Transfer.State.REJECTED, condition, false, false);
    }

    /** @return the outcome "released" (one shared instance) */
    public static Outcome released() {
        return RELEASED;
    }

    /**
     * @param deliveryFailed the peer's {@code delivery-failed} flag
     * @param undeliverableHere the peer's {@code undeliverable-here} flag
     * @return the outcome "modified"
     */
    public static Outcome modified(boolean deliveryFailed, boolean undeliverableHere) {
        return new Outcome(Transfer.State.MODIFIED, null, deliveryFailed, undeliverableHere);
    }

    /** @return settled without an outcome, or sent pre-settled (one shared instance) */
    public static Outcome none() {
        return NONE;
    }

    /** @return the state: ACCEPTED, REJECTED, RELEASED, MODIFIED or NONE */
    public Transfer.State state() {
        return state;
    }

    /** @return true if the peer accepted the message */
    public boolean isAccepted() {
        return state == Transfer.State.ACCEPTED;
    }

    /** @return the error of a rejection, or null (not rejected, or rejected without an error) */
    public ErrorCondition condition() {
        return condition;
    }

    /** @return the {@code delivery-failed} flag of a modification; false for other outcomes */
    public boolean deliveryFailed() {
        return deliveryFailed;
    }

    /** @return the {@code undeliverable-here} flag of a modification; false for other outcomes */
    public boolean undeliverableHere() {
        return undeliverableHere;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Outcome x && x.state == state && Objects.equals(x.condition, condition)
                && x.deliveryFailed == deliveryFailed && x.undeliverableHere == undeliverableHere;
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, condition, deliveryFailed, undeliverableHere);
    }

    /** @return {@code ACCEPTED}, {@code REJECTED(name: description)}, {@code MODIFIED(delivery-failed)} and so on */
    @Override
    public String toString() {
        if (state == Transfer.State.REJECTED && condition != null) {
            return "REJECTED(" + condition + ")";
        }
        if (state == Transfer.State.MODIFIED && (deliveryFailed || undeliverableHere)) {
            return "MODIFIED(" + (deliveryFailed ? "delivery-failed" : "") + (deliveryFailed && undeliverableHere ? ", " : "")
                    + (undeliverableHere ? "undeliverable-here" : "") + ")";
        }
        return state.name();
    }
}
