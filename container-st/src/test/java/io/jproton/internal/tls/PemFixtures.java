package io.jproton.internal.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Assume;

/**
 * Keys and certificates in every form OpenSSL writes, made with {@code openssl} once per test
 * class (skipped where it is missing). Key password {@link #PASSWORD}.
 */
final class PemFixtures {
    static final String PASSWORD = "pem-pass";
    final Path dir;

    PemFixtures() throws Exception {
        dir = Files.createTempDirectory("jproton-pem");
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", f("pkcs8.pem"));
        openssl("req", "-x509", "-key", f("pkcs8.pem"), "-subj", "/CN=pem", "-days", "2", "-out", f("cert.pem"));
        openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", f("pkcs8.pem"), "-out", f("pkcs8-aes.pem"), "-passout", "pass:" + PASSWORD);
        openssl("pkcs8", "-topk8", "-v2", "des3", "-in", f("pkcs8.pem"), "-out", f("pkcs8-des3.pem"), "-passout", "pass:" + PASSWORD);
        openssl("pkcs8", "-topk8", "-scrypt", "-in", f("pkcs8.pem"), "-out", f("pkcs8-scrypt.pem"), "-passout", "pass:" + PASSWORD);
        openssl("rsa", "-in", f("pkcs8.pem"), "-traditional", "-out", f("pkcs1.pem"));
        openssl("rsa", "-in", f("pkcs8.pem"), "-traditional", "-aes256", "-passout", "pass:" + PASSWORD, "-out", f("pkcs1-enc.pem"));
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", f("sec1.pem"));
        openssl("req", "-x509", "-key", f("sec1.pem"), "-subj", "/CN=ec", "-days", "2", "-out", f("ec-cert.pem"));
        openssl("genpkey", "-algorithm", "ED25519", "-out", f("ed25519.pem"));
        openssl("req", "-x509", "-key", f("ed25519.pem"), "-subj", "/CN=ed", "-days", "2", "-out", f("ed-cert.pem"));
        openssl("genpkey", "-algorithm", "X25519", "-out", f("x25519.pem"));
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", f("other.pem"));
        openssl("pkcs12", "-export", "-in", f("cert.pem"), "-inkey", f("pkcs8.pem"), "-out", f("both.p12"), "-passout",
                "pass:" + PASSWORD);
        Files.writeString(dir.resolve("both.pem"), Files.readString(dir.resolve("cert.pem")) + Files.readString(dir.resolve("pkcs8.pem")));
        String key = Files.readString(dir.resolve("pkcs8.pem"));
        Files.writeString(dir.resolve("truncated.pem"), key.substring(0, key.length() / 2));
        String cert = Files.readString(dir.resolve("cert.pem"));
        Files.writeString(dir.resolve("truncated-cert.pem"), cert.substring(0, cert.length() / 2));
    }

    String f(String name) {
        return dir.resolve(name).toString();
    }

    private void openssl(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assume.assumeTrue("openssl is missing: PEM tests skipped", false);
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + ": " + out);
        }
    }
}
