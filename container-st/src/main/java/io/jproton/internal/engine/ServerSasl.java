package io.jproton.internal.engine;

import io.jproton.Authenticator;
import io.jproton.ScramVerifier;
import io.jproton.internal.sasl.Mechanisms;
import io.jproton.internal.sasl.SaslFailure;
import io.jproton.internal.sasl.Scram;
import io.jproton.internal.sasl.ScramServer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.apache.qpid.proton.engine.Sasl;
import org.apache.qpid.proton.engine.SaslListener;
import org.apache.qpid.proton.engine.Transport;
import org.slf4j.Logger;

/**
 * The server side of SASL: checks the client's mechanism and credentials with the listener's
 * {@link Authenticator} and sends the outcome. A refused client gets {@code auth} (an authenticator
 * that throws: {@code sys}); its gate shuts, so nothing it sent after its sasl-init reaches the
 * AMQP layer. Logs refusals at debug, never a password or a user name (which may be a mistyped
 * password).
 *
 * <p>Thread-safety: confined to its connection's context (proton-j calls it while processing input).
 */
final class ServerSasl implements SaslListener {
    private static final Logger LOG = Loggers.SASL;
    private final SaslSetup setup;
    private final Authenticator auth;
    private final ConnectionDriver driver;
    private ScramServer scram;

    ServerSasl(SaslSetup setup, Authenticator auth, ConnectionDriver driver) {
        this.setup = setup;
        this.auth = auth;
        this.driver = driver;
    }

    @Override
    public void onSaslInit(Sasl sasl, Transport transport) {
        byte[] response = received(sasl);
        String[] asked = sasl.getRemoteMechanisms();
        String mech = asked.length > 0 ? asked[0].toUpperCase(Locale.ROOT) : "none";
        setup.mech = mech;
        try {
            if (!setup.offer(auth).contains(mech)) {
                refuse(sasl, Sasl.SaslOutcome.PN_SASL_AUTH, "the client asked for a mechanism not offered");
                return;
            }
            switch (mech) {
                case Mechanisms.ANONYMOUS -> decide(sasl, auth.authenticateAnonymous(utf8(response)));
                case Mechanisms.PLAIN -> plain(sasl, response);
                case Mechanisms.EXTERNAL -> {
                    String subject = driver.tls().verifiedPeerSubject();
                    decide(sasl, subject == null ? null : auth.authenticateExternal(subject));
                }
                default -> {
                    scram = new ScramServer(Scram.Hash.of(mech), user -> secret(auth.scramVerifier(mech, user)));
                    byte[] challenge = scram.challenge(response);
                    sasl.send(challenge, 0, challenge.length);
                }
            }
        } catch (SaslFailure e) {
            refuse(sasl, Sasl.SaslOutcome.PN_SASL_AUTH, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("the authenticator failed ({}); the client is refused", mech, e);
            refuse(sasl, Sasl.SaslOutcome.PN_SASL_SYS, "authenticator failed");
        } finally {
            Arrays.fill(response, (byte) 0);
        }
    }

    @Override
    public void onSaslResponse(Sasl sasl, Transport transport) {
        byte[] response = received(sasl);
        if (scram == null || scram.serverFinal() != null) {
            refuse(sasl, Sasl.SaslOutcome.PN_SASL_AUTH, "a response that was not asked for");
            return;
        }
        try {
            String user = scram.finish(response);
            byte[] serverFinal = scram.serverFinal();
            sasl.send(serverFinal, 0, serverFinal.length); // goes out as the outcome's additional data
            decide(sasl, user);
        } catch (SaslFailure e) {
            refuse(sasl, Sasl.SaslOutcome.PN_SASL_AUTH, e.getMessage());
        }
    }

    private void plain(Sasl sasl, byte[] response) throws SaslFailure {
        int first = indexOf(response, 0);
        int second = first < 0 ? -1 : indexOf(response, first + 1);
        if (second < 0) {
            throw new SaslFailure("a malformed PLAIN response");
        }
        String authzid = new String(response, 0, first, StandardCharsets.UTF_8);
        String user = new String(response, first + 1, second - first - 1, StandardCharsets.UTF_8);
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(response, second + 1, response.length - second - 1));
        char[] password = new char[chars.remaining()];
        chars.get(password);
        Arrays.fill(chars.array(), '\0');
        try {
            if (!authzid.isEmpty() && !authzid.equals(user)) {
                throw new SaslFailure("a PLAIN authorization identity other than the user");
            }
            decide(sasl, auth.authenticatePlain(user, password));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void decide(Sasl sasl, String user) {
        if (user == null) {
            refuse(sasl, Sasl.SaslOutcome.PN_SASL_AUTH, "the authenticator refused the client");
            return;
        }
        driver.connectionImpl().user = user;
        setup.succeeded();
        sasl.done(Sasl.SaslOutcome.PN_SASL_OK);
    }

    private void refuse(Sasl sasl, Sasl.SaslOutcome outcome, String why) {
        LOG.debug("SASL {}: client refused: {}", setup.mech, why);
        sasl.done(outcome);
        setup.fail("Failed to authenticate client [mech=" + setup.mech + "]");
    }

    private static ScramServer.Secret secret(ScramVerifier v) {
        return v == null ? null : new ScramServer.Secret(v.salt(), v.iterations(), v.storedKey(), v.serverKey());
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] received(Sasl sasl) {
        byte[] b = new byte[Math.max(0, sasl.pending())];
        if (b.length > 0) {
            sasl.recv(b, 0, b.length);
        }
        return b;
    }

    @Override
    public void onSaslMechanisms(Sasl sasl, Transport transport) {
    }

    @Override
    public void onSaslChallenge(Sasl sasl, Transport transport) {
    }

    @Override
    public void onSaslOutcome(Sasl sasl, Transport transport) {
    }
}
