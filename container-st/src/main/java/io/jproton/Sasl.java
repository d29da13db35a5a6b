package io.jproton;

/**
 * The SASL layer of a connection's transport, as {@code proton::sasl}.
 *
 * <p>Thread-safety: confined to its connection's context; see {@link Endpoint}.
 */
public interface Sasl {
    /** How authentication ended, as {@code proton::sasl::outcome}. */
    enum Outcome {
        /** Not finished, or no SASL. */
        NONE,
        /** Authenticated. */
        OK,
        /** Authentication failed: bad credentials. */
        AUTH,
        /** Failed for a system error. */
        SYS,
        /** Failed, and will fail again. */
        PERM,
        /** Failed for now; may succeed later. */
        TEMP
    }

    /**
     * @return the outcome so far
     */
    Outcome outcome();

    /**
     * @return the mechanism used, e.g. {@code EXTERNAL}, or null
     */
    String mech();

    /**
     * @return the authenticated user, or null
     */
    String user();
}
