package io.jproton;

/**
 * The SASL layer of a connection's transport, as {@code proton::sasl}. See
 * {@link ConnectionOptions} for how a client picks its mechanism and {@link Authenticator} for
 * what a listener offers.
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
     * @return the mechanism chosen (client) or asked for (server), upper case, e.g. {@code SCRAM-SHA-256};
     *         {@code none} where a client found none to use; null before
     */
    String mech();

    /**
     * @return the authenticated user, or null
     */
    String user();
}
