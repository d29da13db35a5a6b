package io.jproton.internal.sasl;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.Test;

/** SCRAM against RFC 7677's worked example, and client against server with right and wrong passwords. */
public class ScramTest {
    private static final String CLIENT_NONCE = "rOprNGfwEbeRWgbNEkqO";
    private static final String SERVER_FIRST = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    public void clientMatchesRfc7677() throws Exception {
        ScramClient c = new ScramClient(Scram.Hash.SHA_256, "user", "pencil".toCharArray(), CLIENT_NONCE);
        assertEquals("n,,n=user,r=rOprNGfwEbeRWgbNEkqO", new String(c.first(), StandardCharsets.UTF_8));
        assertEquals("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
                new String(c.respond(utf8(SERVER_FIRST)), StandardCharsets.UTF_8));
        assertEquals(0, c.respond(utf8("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")).length);
        assertTrue(c.verified());
    }

    @Test
    public void clientRefusesAWrongServerSignature() throws Exception {
        ScramClient c = new ScramClient(Scram.Hash.SHA_256, "user", "pencil".toCharArray(), CLIENT_NONCE);
        c.first();
        c.respond(utf8(SERVER_FIRST));
        try {
            c.verify(utf8("v=" + Base64.getEncoder().encodeToString(new byte[32])));
            fail("accepted a server that does not know the password");
        } catch (SaslFailure e) {
            assertTrue(e.getMessage(), e.getMessage().contains("signature is wrong"));
        }
    }

    @Test
    public void clientRefusesFewIterationsAndAForeignNonce() {
        String[] bad = {"r=rOprNGfwEbeRWgbNEkqOxyz,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=1",
            "r=somebodyelse,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096", "r=rOprNGfwEbeRWgbNEkqOxyz,s=***,i=4096", "garbage"};
        for (String b : bad) {
            try {
                new ScramClient(Scram.Hash.SHA_256, "user", "pencil".toCharArray(), CLIENT_NONCE).respond(utf8(b));
                fail("accepted " + b);
            } catch (SaslFailure expected) {
                // refused
            }
        }
    }

    private static ScramServer.Secret secret(Scram.Hash h, String password) {
        byte[] salt = Scram.randomBytes(16);
        byte[] salted = h.saltedPassword(password.toCharArray(), salt, 4096);
        return new ScramServer.Secret(salt, 4096, h.hash(h.clientKey(salted)), h.serverKey(salted));
    }

    @Test
    public void clientAndServerAgreeOnBothHashesAndUserNamesWithCommasAndEquals() throws Exception {
        for (Scram.Hash h : Scram.Hash.values()) {
            ScramServer.Secret secret = secret(h, "s3cret-ü");
            ScramServer server = new ScramServer(h, u -> u.equals("a,b=c") ? secret : null);
            ScramClient client = new ScramClient(h, "a,b=c", "s3cret-ü".toCharArray());
            byte[] clientFinal = client.respond(server.challenge(client.first()));
            assertEquals("a,b=c", server.finish(clientFinal));
            client.verify(server.serverFinal());
            assertTrue(client.verified());
        }
    }

    @Test
    public void serverRefusesAWrongPasswordAndAnUnknownUserAlike() throws Exception {
        Scram.Hash h = Scram.Hash.SHA_512;
        ScramServer.Secret secret = secret(h, "right");
        for (String[] who : new String[][] {{"alice", "wrong"}, {"mallory", "right"}}) {
            ScramServer server = new ScramServer(h, u -> u.equals("alice") ? secret : null);
            ScramClient client = new ScramClient(h, who[0], who[1].toCharArray());
            byte[] challenge = server.challenge(client.first());
            assertTrue(new String(challenge, StandardCharsets.UTF_8).contains(",i=4096"));
            try {
                server.finish(client.respond(challenge));
                fail("accepted " + who[0] + " with " + who[1]);
            } catch (SaslFailure e) {
                assertEquals("a wrong SCRAM proof", e.getMessage());
            }
        }
    }

    @Test
    public void anUnknownUserGetsTheSameSaltEachTime() throws Exception {
        ScramServer a = new ScramServer(Scram.Hash.SHA_256, u -> null);
        ScramServer b = new ScramServer(Scram.Hash.SHA_256, u -> null);
        String sa = new String(a.challenge(utf8("n,,n=nobody,r=abc")), StandardCharsets.UTF_8);
        String sb = new String(b.challenge(utf8("n,,n=nobody,r=abc")), StandardCharsets.UTF_8);
        assertEquals(sa.substring(sa.indexOf(",s=")), sb.substring(sb.indexOf(",s=")));
    }

    @Test
    public void serverRefusesChannelBindingAndAForeignAuthzid() {
        for (String first : new String[] {"p=tls-unique,,n=u,r=abc", "n,a=other,n=u,r=abc", "n,,m=ext,n=u,r=abc", "n,,n=u"}) {
            try {
                new ScramServer(Scram.Hash.SHA_256, u -> null).challenge(utf8(first));
                fail("accepted " + first);
            } catch (SaslFailure expected) {
                // refused
            }
        }
    }

    @Test
    public void saltedPasswordIsPbkdf2OfUtf8() {
        // RFC 7677: SaltedPassword for "pencil" gives the ClientKey behind the example's proof
        byte[] salt = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
        byte[] a = Scram.Hash.SHA_256.saltedPassword("pencil".toCharArray(), salt, 4096);
        byte[] b = Scram.Hash.SHA_256.saltedPassword("pencil".toCharArray(), salt, 4096);
        assertArrayEquals(a, b);
        assertEquals(32, a.length);
    }
}
