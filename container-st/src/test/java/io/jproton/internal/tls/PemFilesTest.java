package io.jproton.internal.tls;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.SslCertificate;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;

/** Every key form OpenSSL writes, read through Bouncy Castle; errors a person can act on. */
public class PemFilesTest {
    private static PemFixtures pem;

    @BeforeClass
    public static void keys() throws Exception {
        Assume.assumeFalse("the execution without Bouncy Castle", Boolean.getBoolean("jproton.test.withoutBouncyCastle"));
        pem = new PemFixtures();
    }

    private static void reads(String cert, String key, String password) {
        KeyMaterial km = PemFiles.keyMaterial(pem.f(cert), key == null ? null : pem.f(key), password);
        assertNotNull(km.key());
        assertNotNull(PemContexts.create(new SslCertificate(pem.f(cert), key == null ? null : pem.f(key), password), null));
    }

    private static String refused(String cert, String key, String password) {
        try {
            PemFiles.keyMaterial(pem.f(cert), key == null ? null : pem.f(key), password);
            fail("read " + key);
            return null;
        } catch (IllegalArgumentException e) {
            assertFalse(e.getMessage(), password != null && e.getMessage().contains(password));
            return e.getMessage();
        }
    }

    @Test
    public void bouncyCastleIsHere() {
        assertTrue(PemFiles.bouncyCastle());
    }

    @Test
    public void everyFormOpensslWrites() {
        reads("cert.pem", "pkcs8.pem", null);
        reads("cert.pem", "pkcs8-aes.pem", PemFixtures.PASSWORD);
        reads("cert.pem", "pkcs8-des3.pem", PemFixtures.PASSWORD);
        reads("cert.pem", "pkcs8-scrypt.pem", PemFixtures.PASSWORD);
        reads("cert.pem", "pkcs1.pem", null);
        reads("cert.pem", "pkcs1-enc.pem", PemFixtures.PASSWORD);
        reads("ec-cert.pem", "sec1.pem", null);
        reads("ed-cert.pem", "ed25519.pem", null);
        reads("both.pem", null, null);
        reads("both.p12", null, PemFixtures.PASSWORD);
    }

    @Test
    public void aWrongPasswordIsNamed() {
        for (String key : new String[] {"pkcs8-aes.pem", "pkcs8-des3.pem", "pkcs8-scrypt.pem", "pkcs1-enc.pem"}) {
            String m = refused("cert.pem", key, "not-the-password");
            assertTrue(m, m.startsWith("wrong password for the private key in " + pem.f(key)));
        }
        String m = refused("both.p12", null, "not-the-password");
        assertTrue(m, m.startsWith("wrong password for the private key in " + pem.f("both.p12")));
    }

    @Test
    public void aMissingPasswordIsNamed() {
        String m = refused("cert.pem", "pkcs8-des3.pem", null);
        assertEquals("the private key in " + pem.f("pkcs8-des3.pem") + " is encrypted: give its password", m);
    }

    @Test
    public void aTruncatedFileIsNamed() {
        String m = refused("cert.pem", "truncated.pem", null);
        assertTrue(m, m.startsWith(pem.f("truncated.pem") + " is truncated"));
        m = refused("truncated-cert.pem", "pkcs8.pem", null);
        assertTrue(m, m.startsWith(pem.f("truncated-cert.pem") + " is truncated"));
    }

    @Test
    public void aCertificateThatDoesNotMatchItsKeyIsRefused() {
        String m = refused("cert.pem", "other.pem", null);
        assertEquals("the certificate in " + pem.f("cert.pem") + " (CN=pem) does not match the private key in " + pem.f("other.pem"), m);
        m = refused("ec-cert.pem", "pkcs8.pem", null);
        assertTrue(m, m.contains("does not match the private key"));
    }

    @Test
    public void anUnsupportedKeyTypeIsNamed() {
        String m = refused("cert.pem", "x25519.pem", null);
        assertTrue(m, m.startsWith("unsupported private key type"));
    }

    @Test
    public void noKeyAndNoFileAreNamed() {
        assertEquals("no private key in " + pem.f("cert.pem"), refused("cert.pem", "cert.pem", null));
        assertEquals("no such file: " + pem.f("missing.pem"), refused("cert.pem", "missing.pem", null));
    }
}
