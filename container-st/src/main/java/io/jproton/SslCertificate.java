package io.jproton;

/**
 * A certificate and its private key in PEM files, as {@code proton::ssl_certificate}: the
 * certificate (chain) file, the PKCS#8 private key file, and the key's password if it is encrypted.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 */
public final class SslCertificate {
    private final String certificateFile;
    private final String privateKeyFile;
    private final String password;

    /**
     * @param certificateFile the certificate, PEM
     * @param privateKeyFile its private key, PEM (PKCS#8, plain or encrypted)
     * @param password the key's password, or null for a plain key
     */
    public SslCertificate(String certificateFile, String privateKeyFile, String password) {
        if (certificateFile == null || privateKeyFile == null) {
            throw new IllegalArgumentException("an SSL certificate needs a certificate file and a private key file");
        }
        this.certificateFile = certificateFile;
        this.privateKeyFile = privateKeyFile;
        this.password = password;
    }

    /** @return the certificate PEM file */
    public String certificateFile() {
        return certificateFile;
    }

    /** @return the private key PEM file */
    public String privateKeyFile() {
        return privateKeyFile;
    }

    /** @return the key's password, or null */
    public String password() {
        return password;
    }

    @Override
    public String toString() {
        return "ssl-certificate(" + certificateFile + ")";
    }
}
