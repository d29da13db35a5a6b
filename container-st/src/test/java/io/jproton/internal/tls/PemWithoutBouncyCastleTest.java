package io.jproton.internal.tls;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Without Bouncy Castle on the class path (a Surefire execution of its own leaves it out): the
 * forms the JDK reads still work, the others fail with an error naming the dependency.
 */
public class PemWithoutBouncyCastleTest {
    private static PemFixtures pem;

    @BeforeClass
    public static void keys() throws Exception {
        // only in the execution that leaves Bouncy Castle out (a -Dtest=... run may pick this class up elsewhere)
        Assume.assumeTrue(Boolean.getBoolean("jproton.test.withoutBouncyCastle"));
        pem = new PemFixtures();
    }

    @Test
    public void bouncyCastleIsAbsent() {
        assertFalse(PemFiles.bouncyCastle());
    }

    @Test
    public void theJdksFormsWork() {
        assertNotNull(PemFiles.keyMaterial(pem.f("cert.pem"), pem.f("pkcs8.pem"), null));
        assertNotNull(PemFiles.keyMaterial(pem.f("cert.pem"), pem.f("pkcs8-aes.pem"), PemFixtures.PASSWORD));
        assertNotNull(PemFiles.keyMaterial(pem.f("both.pem"), null, null));
        assertNotNull(PemFiles.keyMaterial(pem.f("both.p12"), null, PemFixtures.PASSWORD));
    }

    @Test
    public void aWrongPasswordIsStillNamed() {
        try {
            PemFiles.keyMaterial(pem.f("cert.pem"), pem.f("pkcs8-aes.pem"), "not-the-password");
            fail("read with a wrong password");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("wrong password"));
        }
    }

    @Test
    public void otherFormsNameTheDependency() {
        String[][] cases = {{"cert.pem", "pkcs8-des3.pem"}, {"cert.pem", "pkcs8-scrypt.pem"}, {"cert.pem", "pkcs1.pem"},
            {"cert.pem", "pkcs1-enc.pem"}, {"ec-cert.pem", "sec1.pem"}};
        for (String[] c : cases) {
            try {
                PemFiles.keyMaterial(pem.f(c[0]), pem.f(c[1]), PemFixtures.PASSWORD);
                fail("read " + c[1] + " without Bouncy Castle");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("org.bouncycastle:bcpkix-jdk18on"));
            }
        }
    }
}
