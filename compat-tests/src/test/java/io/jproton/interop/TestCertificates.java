package io.jproton.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed certificates for the TLS examples, made with {@code openssl} as the Proton C++
 * examples' {@code ssl-certs/} are: {@code tserver-*} (CN=test_server, key password tserverpw) and
 * {@code tclient-*} (CN=test_client, key password tclientpw), private keys encrypted PKCS#8.
 */
final class TestCertificates {
    private TestCertificates() {}

    /**
     * @return a directory with the certificates, ending in "/"
     */
    static String make() throws Exception {
        Path dir = Files.createTempDirectory("jproton-ssl-certs");
        for (String[] who : new String[][] {{"tserver", "test_server"}, {"tclient", "test_client"}}) {
            List<String> cmd = List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-days", "2",
                    "-subj", "/CN=" + who[1] + "/O=jproton",
                    "-keyout", dir.resolve(who[0] + "-private-key.pem").toString(),
                    "-out", dir.resolve(who[0] + "-certificate.pem").toString(),
                    "-passout", "pass:" + who[0] + "pw");
            Process p;
            try {
                p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            } catch (java.io.IOException e) {
                Peers.missing("openssl (to make test certificates)");
                throw e;
            }
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("openssl failed: " + out);
            }
        }
        return dir + "/";
    }
}
