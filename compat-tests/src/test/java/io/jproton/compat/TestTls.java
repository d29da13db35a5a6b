package io.jproton.compat;

import static org.junit.Assert.assertTrue;

import io.jproton.SslCertificate;
import io.jproton.SslServerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed server certificates made with the JDK's keytool for one test run: a PKCS#12 file
 * with key and certificate (password {@link #PASSWORD}), and the certificate alone in PEM, for
 * clients to trust.
 */
final class TestTls {
    static final String PASSWORD = "changeit";
    private static Path dir;

    /** One certificate: its PKCS#12 file and its PEM certificate. */
    record Cert(String p12, String pem) {
        /** @return server options on the PKCS#12 file, asking nothing of clients */
        SslServerOptions server() {
            return new SslServerOptions(new SslCertificate(p12, null, PASSWORD));
        }
    }

    private TestTls() {}

    /**
     * @param name the file name
     * @param dname the subject, such as {@code CN=test_server}
     * @param san the subject alternative names as keytool takes them ({@code ip:::1,dns:x}), or null
     * @return the certificate
     */
    static synchronized Cert make(String name, String dname, String san) throws Exception {
        if (dir == null) {
            dir = Files.createTempDirectory("jproton-tls");
        }
        String keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool").toString();
        String p12 = dir.resolve(name + ".p12").toString();
        String pem = dir.resolve(name + ".pem").toString();
        List<String> gen = new ArrayList<>(List.of(keytool, "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", dname, "-validity", "2", "-storetype", "PKCS12", "-keystore", p12,
                "-storepass", PASSWORD));
        if (san != null) {
            gen.addAll(List.of("-ext", "SAN=" + san));
        }
        run(gen);
        run(List.of(keytool, "-exportcert", "-rfc", "-alias", name, "-keystore", p12, "-storepass", PASSWORD, "-file", pem));
        return new Cert(p12, pem);
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue("keytool: " + out, p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0);
    }
}
