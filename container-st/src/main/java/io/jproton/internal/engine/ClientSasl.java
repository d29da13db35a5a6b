package io.jproton.internal.engine;

import io.jproton.ConnectionOptions;
import io.jproton.internal.sasl.Mechanisms;
import io.jproton.internal.sasl.SaslFailure;
import io.jproton.internal.sasl.Scram;
import io.jproton.internal.sasl.ScramClient;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.qpid.proton.engine.Sasl;
import org.apache.qpid.proton.engine.SaslListener;
import org.apache.qpid.proton.engine.Transport;

/**
 * The client side of SASL, as Proton C++ does it: nothing is sent until the server's mechanisms
 * are known; then the client picks one ({@link Mechanisms#choose}) and answers challenges (SCRAM,
 * whose server must prove it knows the password before the client believes an {@code ok}).
 *
 * <p>Thread-safety: confined to its connection's context (proton-j calls it while processing input).
 */
final class ClientSasl implements SaslListener {
    private final SaslSetup setup;
    private final ConnectionOptions options;
    private final ConnectionDriver driver;
    private ScramClient scram;

    ClientSasl(SaslSetup setup, ConnectionOptions options, ConnectionDriver driver) {
        this.setup = setup;
        this.options = options;
        this.driver = driver;
    }

    @Override
    public void onSaslMechanisms(Sasl sasl, Transport transport) {
        String[] offered = sasl.getRemoteMechanisms();
        setup.offered = offered;
        Mechanisms.Choice choice = Mechanisms.choose(offered, Mechanisms.parse(options.saslAllowedMechs()),
                new Mechanisms.Credentials(options.user(), options.password(), driver.tls().configured(),
                        driver.tls().localSubject() != null, Boolean.TRUE.equals(options.saslAllowInsecureMechs())));
        if (choice.mechanism() == null) {
            setup.fail("Authentication failed [mech=none]: " + choice.whyNone());
            return;
        }
        String mech = choice.mechanism();
        setup.mech = mech;
        byte[] response = switch (mech) {
            case Mechanisms.PLAIN -> plain(options.user(), options.password());
            case Mechanisms.ANONYMOUS -> (options.user() != null ? options.user() : "anonymous").getBytes(StandardCharsets.UTF_8);
            case Mechanisms.EXTERNAL -> new byte[0];
            default -> {
                scram = new ScramClient(Scram.Hash.of(mech), options.user(), options.password().toCharArray());
                yield scram.first();
            }
        };
        sasl.setMechanisms(mech);
        sasl.send(response, 0, response.length); // proton-j copies it
        Arrays.fill(response, (byte) 0);
    }

    private static byte[] plain(String user, String password) {
        byte[] u = user.getBytes(StandardCharsets.UTF_8);
        byte[] p = password.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[u.length + p.length + 2];
        System.arraycopy(u, 0, out, 1, u.length);
        System.arraycopy(p, 0, out, u.length + 2, p.length);
        Arrays.fill(p, (byte) 0);
        return out;
    }

    @Override
    public void onSaslChallenge(Sasl sasl, Transport transport) {
        byte[] challenge = received(sasl);
        if (scram == null) {
            setup.fail("Authentication failed [mech=" + setup.mech + "]: the server sent a challenge " + setup.mech
                    + " has none of");
            return;
        }
        try {
            byte[] reply = scram.respond(challenge);
            sasl.send(reply, 0, reply.length);
        } catch (SaslFailure e) {
            setup.fail("Authentication failed [mech=" + setup.mech + "]: " + e.getMessage());
        }
    }

    @Override
    public void onSaslOutcome(Sasl sasl, Transport transport) {
        byte[] additional = received(sasl);
        Sasl.SaslOutcome outcome = sasl.getOutcome();
        if (outcome != Sasl.SaslOutcome.PN_SASL_OK) {
            setup.fail("Authentication failed [mech=" + setup.mech + "]" + explain(outcome));
            return;
        }
        if (scram != null && !scram.verified()) {
            try {
                if (additional.length == 0) {
                    throw new SaslFailure("the server accepted without sending its SCRAM signature, so it has not"
                            + " proved that it knows the password");
                }
                scram.verify(additional);
            } catch (SaslFailure e) {
                setup.fail("Authentication failed [mech=" + setup.mech + "]: " + e.getMessage());
                return;
            }
        }
        if (Mechanisms.ANONYMOUS.equals(setup.mech)) {
            driver.connectionImpl().user = "anonymous"; // what the server knows us as, whatever user we have
        }
        setup.succeeded();
    }

    private static String explain(Sasl.SaslOutcome outcome) {
        return switch (outcome) {
            case PN_SASL_SYS -> ": the server reports a system error (sasl-outcome sys)";
            case PN_SASL_PERM -> ": the server reports a permanent system error (sasl-outcome sys-perm)";
            case PN_SASL_TEMP -> ": the server reports a temporary system error (sasl-outcome sys-temp)";
            default -> "";
        };
    }

    private static byte[] received(Sasl sasl) {
        byte[] b = new byte[Math.max(0, sasl.pending())];
        if (b.length > 0) {
            sasl.recv(b, 0, b.length);
        }
        return b;
    }

    @Override
    public void onSaslInit(Sasl sasl, Transport transport) {
    }

    @Override
    public void onSaslResponse(Sasl sasl, Transport transport) {
    }
}
