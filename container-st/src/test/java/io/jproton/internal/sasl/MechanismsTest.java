package io.jproton.internal.sasl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** How a client picks a mechanism from the server's list, as Proton C++ does, SCRAM first. */
public class MechanismsTest {
    private static final Mechanisms.Credentials PASSWORD_NO_TLS = new Mechanisms.Credentials("alice", "s3cret", false, false, false);

    private static String pick(String offered, String allowed, Mechanisms.Credentials c) {
        return Mechanisms.choose(offered.split(" "), Mechanisms.parse(allowed), c).mechanism();
    }

    @Test
    public void scramBeforePlainAndSha512BeforeSha256() {
        Mechanisms.Credentials tls = new Mechanisms.Credentials("alice", "s3cret", true, false, false);
        assertEquals("SCRAM-SHA-512", pick("PLAIN SCRAM-SHA-256 SCRAM-SHA-512 ANONYMOUS", null, tls));
        assertEquals("SCRAM-SHA-256", pick("PLAIN SCRAM-SHA-256 ANONYMOUS", null, tls));
        assertEquals("PLAIN", pick("plain anonymous", null, tls));
        assertEquals("SCRAM-SHA-256", pick("SCRAM-SHA-256", null, PASSWORD_NO_TLS));
    }

    @Test
    public void plainNeedsTlsOrPermission() {
        assertEquals("ANONYMOUS", pick("PLAIN ANONYMOUS", null, PASSWORD_NO_TLS));
        assertEquals("PLAIN", pick("PLAIN ANONYMOUS", null, new Mechanisms.Credentials("alice", "s3cret", false, false, true)));
        Mechanisms.Choice none = Mechanisms.choose(new String[] {"PLAIN"}, null, PASSWORD_NO_TLS);
        assertNull(none.mechanism());
        assertTrue(none.whyNone(), none.whyNone().contains("needs TLS (amqps) or saslAllowInsecureMechs(true)"));
    }

    @Test
    public void onlyAnonymousOfferedWithAUser() {
        assertEquals("ANONYMOUS", pick("ANONYMOUS", null, PASSWORD_NO_TLS));
    }

    @Test
    public void theAllowedListIsHonouredAndNamedWhenNothingFits() {
        Mechanisms.Choice c = Mechanisms.choose(new String[] {"ANONYMOUS"}, Mechanisms.parse("PLAIN scram-sha-256"), PASSWORD_NO_TLS);
        assertNull(c.mechanism());
        assertEquals("no mechanism the server offers (ANONYMOUS) is allowed (PLAIN SCRAM-SHA-256) and usable", c.whyNone());
        assertEquals("PLAIN", pick("PLAIN SCRAM-SHA-256", "PLAIN",
                new Mechanisms.Credentials("alice", "s3cret", true, false, false)));
    }

    @Test
    public void externalOnlyWithAClientCertificate() {
        assertEquals("ANONYMOUS", pick("EXTERNAL ANONYMOUS", null, new Mechanisms.Credentials(null, null, true, false, false)));
        assertEquals("EXTERNAL", pick("EXTERNAL ANONYMOUS", null, new Mechanisms.Credentials(null, null, true, true, false)));
    }

    @Test
    public void credentialsNeverShowThePassword() {
        assertFalse(PASSWORD_NO_TLS.toString().contains("s3cret"));
    }
}
