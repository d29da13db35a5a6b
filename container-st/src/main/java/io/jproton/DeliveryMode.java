package io.jproton;

/**
 * The reliability of a link's deliveries, as {@code proton::delivery_mode}.
 *
 * <p>Thread-safety: an enum; immutable.
 */
public enum DeliveryMode {
    /** Let the peers negotiate (at-least-once in practice). */
    NONE,
    /** Messages are sent pre-settled: they may be lost, never duplicated. */
    AT_MOST_ONCE,
    /** Messages are settled after the receiver's outcome: never lost, may be duplicated. */
    AT_LEAST_ONCE
}
