package io.jproton.internal.engine;

import io.jproton.Authenticator;
import io.jproton.ConnectionOptions;
import io.jproton.ErrorCondition;
import io.jproton.internal.sasl.AuthGate;
import io.jproton.internal.sasl.Mechanisms;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.qpid.proton.engine.Sasl;
import org.apache.qpid.proton.engine.Transport;
import org.apache.qpid.proton.engine.impl.TransportInternal;

/**
 * The SASL layer of a connection's transport: sets it up for a client ({@link ClientSasl}) or a
 * server ({@link ServerSasl}), with an {@link AuthGate} under it, and keeps what the connection
 * knows of it: the mechanism, the outcome, and why authentication failed. Every failure is
 * reported as Proton C++ reports it: {@code amqp:unauthorized-access}, "Authentication failed
 * [mech=X]", and never starts a reconnect.
 *
 * <p>Thread-safety: confined to its connection's context.
 */
final class SaslSetup {
    static final String UNAUTHORIZED = "amqp:unauthorized-access";
    /** The mechanisms a listener offers, in the order it offers them. */
    private static final List<String> OFFER_ORDER = List.of(Mechanisms.SCRAM_SHA_512, Mechanisms.SCRAM_SHA_256,
            Mechanisms.EXTERNAL, Mechanisms.PLAIN, Mechanisms.ANONYMOUS);
    /** A listener without an authenticator: as Proton C++ without a SASL configuration. */
    private static final Authenticator ANYONE = new Authenticator() {
        @Override
        public Set<String> mechanisms() {
            return Set.of(Mechanisms.EXTERNAL, Mechanisms.ANONYMOUS);
        }

        @Override
        public String authenticateExternal(String certificateSubject) {
            return certificateSubject;
        }

        @Override
        public String authenticateAnonymous(String trace) {
            return "anonymous";
        }
    };

    private final ConnectionDriver driver;
    private final ConnectionOptions options;
    private final boolean server;
    private Sasl sasl;
    private AuthGate gate;
    /** The mechanism chosen (client) or asked for (server); null before. */
    String mech;
    /** The mechanisms the server offered (client side); null until they came. */
    String[] offered;
    private ErrorCondition failure;
    private boolean authenticated;
    private boolean tailClosed;

    SaslSetup(ConnectionDriver driver, ConnectionOptions options, boolean server) {
        this.driver = driver;
        this.options = options;
        this.server = server;
    }

    /** @return true if this connection uses SASL */
    boolean enabled() {
        return !Boolean.FALSE.equals(options.saslEnabled()) || server && options.authenticator() != null;
    }

    /** @return true for a listener's connection that must authenticate before its handler hears of it */
    boolean required() {
        return server && options.authenticator() != null;
    }

    /**
     * Sets up SASL on a new transport (before TLS, so that TLS is the outer layer); forgets what an
     * earlier transport of this connection knew.
     */
    void configure(Transport transport) {
        sasl = null;
        gate = null;
        mech = null;
        offered = null;
        failure = null;
        authenticated = false;
        tailClosed = false;
        if (!enabled()) {
            return;
        }
        gate = new AuthGate();
        ((TransportInternal) transport).addTransportLayer(gate); // between SASL and AMQP
        sasl = transport.sasl();
        if (server) {
            Authenticator auth = authenticator();
            sasl.server();
            sasl.allowSkip(!required());
            sasl.setMechanisms(offer(auth).toArray(new String[0]));
            sasl.setListener(new ServerSasl(this, auth, driver));
        } else {
            sasl.client(); // no mechanism yet: it is chosen from the server's list when that comes
            if (options.virtualHost() != null) {
                sasl.setRemoteHostname(options.virtualHost());
            }
            sasl.setListener(new ClientSasl(this, options, driver));
        }
    }

    Authenticator authenticator() {
        return options.authenticator() != null ? options.authenticator() : ANYONE;
    }

    /** @return what a listener offers: see {@link Authenticator} */
    List<String> offer(Authenticator auth) {
        Set<String> allowed = Mechanisms.parse(options.saslAllowedMechs());
        Set<String> can = Mechanisms.parse(String.join(" ", auth.mechanisms()));
        boolean tls = driver.tls().configured();
        List<String> out = new ArrayList<>();
        for (String m : OFFER_ORDER) {
            if (!can.contains(m) || allowed != null && !allowed.contains(m)
                    || m.equals(Mechanisms.PLAIN) && !tls && !Boolean.TRUE.equals(options.saslAllowInsecureMechs())
                    || m.equals(Mechanisms.EXTERNAL) && !driver.tls().verifiesClients()) {
                continue;
            }
            out.add(m);
        }
        return out;
    }

    /** Authentication failed: no AMQP frame may cross now, and the transport is to close. */
    void fail(String description) {
        if (failure == null) {
            failure = new ErrorCondition(UNAUTHORIZED, description);
        }
        gate.shut();
        driver.host().markDirty();
    }

    /** Authentication succeeded. */
    void succeeded() {
        authenticated = true;
        Loggers.SASL.debug("{}: SASL {} succeeded, user '{}'", driver.connection(), mech, driver.connectionImpl().user);
    }

    /** @return true once authentication has succeeded on this transport */
    boolean authenticated() {
        return authenticated;
    }

    /**
     * Runs before each dispatch: a failed authentication closes the transport's input (its output
     * ends once the outcome is written).
     */
    void beforeDispatch() {
        if (gate != null && gate.isShut() && !tailClosed) {
            tailClosed = true;
            Transport t = driver.engineTransport();
            if (t.capacity() >= 0) {
                t.close_tail();
            }
        }
    }

    /**
     * @return why authentication failed on this transport, or null; a server that ends the
     *         transport while a client is authenticating counts as a failure
     */
    ErrorCondition failure() {
        if (failure == null && !server && sasl != null && offered != null && !authenticated
                && driver.engineTransport().isClosed()) {
            failure = new ErrorCondition(UNAUTHORIZED, "Authentication failed [mech=" + (mech == null ? "none" : mech)
                    + "]: the server closed the connection during authentication");
        }
        return failure;
    }

    /** @return true if this transport ended because authentication failed (no reconnect then) */
    boolean authenticationFailed() {
        return failure() != null;
    }

    /** @return the outcome of the current transport's SASL exchange */
    io.jproton.Sasl.Outcome outcome() {
        if (sasl == null) {
            return io.jproton.Sasl.Outcome.NONE;
        }
        if (failure != null && sasl.getOutcome() == Sasl.SaslOutcome.PN_SASL_OK) {
            return io.jproton.Sasl.Outcome.AUTH; // an ok we did not believe (a SCRAM server that proved nothing)
        }
        return switch (sasl.getOutcome()) {
            case PN_SASL_OK -> io.jproton.Sasl.Outcome.OK;
            case PN_SASL_AUTH -> io.jproton.Sasl.Outcome.AUTH;
            case PN_SASL_SYS -> io.jproton.Sasl.Outcome.SYS;
            case PN_SASL_PERM -> io.jproton.Sasl.Outcome.PERM;
            case PN_SASL_TEMP -> io.jproton.Sasl.Outcome.TEMP;
            default -> io.jproton.Sasl.Outcome.NONE;
        };
    }
}
