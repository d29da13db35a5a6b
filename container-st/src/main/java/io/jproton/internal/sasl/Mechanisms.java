package io.jproton.internal.sasl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The SASL mechanisms jproton speaks, and how a client picks one of those a server offers: the
 * strongest that is offered, allowed and usable with what the client has. Names are compared
 * without regard to case, as Proton does.
 *
 * <p>Thread-safety: stateless; thread-safe.
 */
public final class Mechanisms {
    /** RFC 4505. */
    public static final String ANONYMOUS = "ANONYMOUS";
    /** RFC 4616: the password in clear, so only over TLS unless insecure mechanisms are allowed. */
    public static final String PLAIN = "PLAIN";
    /** RFC 4422 appendix A: the identity TLS established (a client certificate). */
    public static final String EXTERNAL = "EXTERNAL";
    /** RFC 5802/7677. */
    public static final String SCRAM_SHA_256 = "SCRAM-SHA-256";
    /** SCRAM with SHA-512. */
    public static final String SCRAM_SHA_512 = "SCRAM-SHA-512";
    /** Every mechanism jproton speaks, strongest first: the order a client prefers them in. */
    public static final List<String> PREFERENCE = List.of(EXTERNAL, SCRAM_SHA_512, SCRAM_SHA_256, PLAIN, ANONYMOUS);

    private Mechanisms() {}

    /**
     * @param list space-separated mechanism names, or null
     * @return the names upper-cased, in order, or null if {@code list} is null
     */
    public static Set<String> parse(String list) {
        if (list == null) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String m : list.trim().split("[\\s,]+")) {
            if (!m.isEmpty()) {
                out.add(m.toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** What a client has to authenticate with. */
    public record Credentials(String user, String password, boolean tls, boolean clientCertificate,
                              boolean allowInsecure) {
        /** Never shows the password. */
        @Override
        public String toString() {
            return "credentials(user=" + user + ", password=" + (password == null ? "none" : "****") + ", tls=" + tls
                    + ", certificate=" + clientCertificate + ", insecure allowed=" + allowInsecure + ")";
        }
    }

    /**
     * @param mech a mechanism name, upper case
     * @param c what the client has
     * @return null if the client can use the mechanism, else why not
     */
    static String unusable(String mech, Credentials c) {
        return switch (mech) {
            case ANONYMOUS -> null;
            case EXTERNAL -> c.clientCertificate() ? null : "EXTERNAL needs a TLS client certificate";
            case PLAIN -> c.user() == null || c.password() == null ? "PLAIN needs a user and a password"
                    : !c.tls() && !c.allowInsecure()
                    ? "PLAIN sends the password in clear: it needs TLS (amqps) or saslAllowInsecureMechs(true)" : null;
            case SCRAM_SHA_256, SCRAM_SHA_512 -> c.user() == null || c.password() == null
                    ? mech + " needs a user and a password" : null;
            default -> mech + " is not a mechanism jproton speaks";
        };
    }

    /** A client's choice: the mechanism, or why there is none. */
    public record Choice(String mechanism, String whyNone) { }

    /**
     * Picks the mechanism a client uses, as Proton C++ does but preferring SCRAM to PLAIN.
     *
     * @param offered the server's mechanisms
     * @param allowed the client's allowed mechanisms, or null for all that jproton speaks
     * @param c what the client has
     * @return the choice; where there is none, a description naming the offered and allowed lists
     */
    public static Choice choose(String[] offered, Set<String> allowed, Credentials c) {
        Set<String> offer = new LinkedHashSet<>();
        for (String o : offered) {
            offer.add(o.toUpperCase(Locale.ROOT));
        }
        List<String> reasons = new ArrayList<>();
        for (String m : PREFERENCE) {
            if (!offer.contains(m) || allowed != null && !allowed.contains(m)) {
                continue;
            }
            String why = unusable(m, c);
            if (why == null) {
                return new Choice(m, null);
            }
            reasons.add(why);
        }
        StringBuilder d = new StringBuilder("no mechanism the server offers (")
                .append(offer.isEmpty() ? "none" : String.join(" ", offer))
                .append(") is allowed (").append(allowed == null ? String.join(" ", PREFERENCE) : String.join(" ", allowed))
                .append(") and usable");
        if (!reasons.isEmpty()) {
            d.append(": ").append(String.join("; ", reasons));
        }
        return new Choice(null, d.toString());
    }
}
