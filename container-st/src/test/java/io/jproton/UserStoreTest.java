package io.jproton;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.Test;

/** Verifiers and the user file: salted, never a password, and no secret in any toString. */
public class UserStoreTest {
    @Test
    public void aVerifierChecksItsPasswordAndRoundTripsThroughText() {
        ScramVerifier v = ScramVerifier.create("SCRAM-SHA-256", "s3cret".toCharArray());
        assertTrue(v.matches("s3cret".toCharArray()));
        assertFalse(v.matches("s3cret!".toCharArray()));
        ScramVerifier back = ScramVerifier.parse(v.encode());
        assertTrue(back.matches("s3cret".toCharArray()));
        assertEquals(4096, back.iterations());
        assertTrue(v.encode().startsWith("SCRAM-SHA-256$4096:"));
        assertEquals("scram-verifier(SCRAM-SHA-256, 4096 iterations)", v.toString());
        ScramVerifier other = ScramVerifier.create("SCRAM-SHA-256", "s3cret".toCharArray());
        assertFalse("a fresh salt each time", other.encode().equals(v.encode()));
    }

    @Test
    public void badVerifiersAreRefusedWithoutEchoingThem() {
        for (String text : new String[] {"SCRAM-SHA-1$4096:c2FsdA==$AAAA:AAAA", "SCRAM-SHA-256$x:c2FsdA==$AAAA:AAAA",
            "SCRAM-SHA-256$4096:c2FsdA==$AAAA:AAAA", "plaintext-password"}) {
            try {
                ScramVerifier.parse(text);
                fail("accepted " + text);
            } catch (IllegalArgumentException e) {
                assertFalse(e.getMessage(), e.getMessage().contains("AAAA") || e.getMessage().contains("plaintext"));
            }
        }
        try {
            ScramVerifier.create("SCRAM-SHA-256", "x".toCharArray(), 100);
            fail("accepted 100 iterations");
        } catch (IllegalArgumentException expected) {
            // too few
        }
    }

    @Test
    public void theFileHoldsVerifiersOnlyAndSurvivesARoundTrip() throws Exception {
        Path dir = Files.createTempDirectory("jproton-users");
        Path file = dir.resolve("users");
        UserStore store = new UserStore().add("alice", "s3cret-a".toCharArray()).add("bob smith%#", "s3cret-b".toCharArray());
        store.save(file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertFalse(text, text.contains("s3cret"));
        assertTrue(text, text.contains("bob%20smith%25#"));
        if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        UserStore loaded = UserStore.load(file);
        assertEquals(List.of("alice", "bob smith%#"), List.copyOf(loaded.users()));
        assertEquals("alice", loaded.authenticatePlain("alice", "s3cret-a".toCharArray()));
        assertNull(loaded.authenticatePlain("alice", "s3cret-b".toCharArray()));
        assertEquals("bob smith%#", loaded.authenticatePlain("bob smith%#", "s3cret-b".toCharArray()));
        assertNull(loaded.authenticatePlain("carol", "s3cret-a".toCharArray()));
        assertEquals("SCRAM-SHA-512", loaded.scramVerifier("SCRAM-SHA-512", "alice").mechanism());
        assertNull(loaded.scramVerifier("SCRAM-SHA-256", "carol"));
        assertEquals("user-store([alice, bob smith%#])", loaded.toString());
        assertTrue(loaded.remove("alice"));
        assertFalse(loaded.remove("alice"));
    }

    @Test
    public void aMalformedLineIsNamedByNumber() throws Exception {
        Path file = Files.createTempFile("jproton-users", "");
        Files.writeString(file, "# comment\n\nalice s3cret-in-clear\n");
        try {
            UserStore.load(file);
            fail("loaded a password in clear");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("line 3"));
            assertFalse(e.getMessage(), e.getMessage().contains("s3cret"));
        }
    }

    @Test
    public void mechanismsFollowWhatIsAllowed() {
        UserStore s = new UserStore();
        assertEquals(List.of("SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN"), List.copyOf(s.mechanisms()));
        assertNull(s.authenticateAnonymous("x"));
        assertNull(s.authenticateExternal("CN=x"));
        s.allowAnonymous(true).allowExternal(true);
        assertEquals("anonymous", s.authenticateAnonymous("x"));
        assertEquals("CN=x", s.authenticateExternal("CN=x"));
        assertTrue(s.mechanisms().containsAll(List.of("ANONYMOUS", "EXTERNAL")));
    }

    @Test
    public void optionsToStringMasksThePasswordAndFailoverUserInfo() {
        ConnectionOptions o = new ConnectionOptions().user("alice").password("s3cret").idleTimeout(Duration.ofSeconds(3))
                .failoverUrls(List.of("amqp://alice:s3cret@backup:5672"))
                .sslClientOptions(new SslClientOptions(new SslCertificate("c.pem", "k.pem", "s3cret"), "ca.pem",
                        SslVerifyMode.VERIFY_PEER_NAME));
        String s = o.toString();
        assertFalse(s, s.contains("s3cret"));
        assertTrue(s, s.contains("user=alice") && s.contains("password=****") && s.contains("***@backup:5672"));
        assertTrue(s, s.contains("ssl-certificate(c.pem, k.pem, password ****)"));
    }
}
