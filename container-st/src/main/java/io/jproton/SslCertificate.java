package io.jproton;

/**
 * A certificate and its private key, as {@code proton::ssl_certificate(main, extra, password)}:
 * a PEM certificate (chain) file and a PEM private key file, or one file holding both (a PEM file
 * with the certificate and the key, or a PKCS#12 file), and the password of an encrypted key.
 *
 * <p>Key forms: without Bouncy Castle, the JDK reads PKCS#8 keys, plain or encrypted with AES
 * ({@code openssl pkcs8 -topk8 -v2 aes-256-cbc}), and PKCS#12 files. With
 * {@code org.bouncycastle:bcpkix-jdk18on} on the class path (an optional dependency), every form
 * OpenSSL writes: PKCS#8 encrypted with any cipher (OpenSSL's default triple DES) or scrypt,
 * PKCS#1 ({@code RSA PRIVATE KEY}), SEC1 ({@code EC PRIVATE KEY}), legacy encrypted PEM. The files
 * are read when a connection first uses them; a missing or damaged file, a wrong password, a key
 * that does not belong to the certificate or a key type Java's TLS cannot use is then an
 * {@link IllegalArgumentException} naming the file and what to do.
 *
 * <p>Thread-safety: immutable; safe to share between threads. {@link #toString()} never shows the password.
 */
public final class SslCertificate {
    private final String certificateFile;
    private final String privateKeyFile;
    private final String password;

    /**
     * One file with the certificate and its unencrypted key: PEM with both, or PKCS#12 without a password.
     *
     * @param certificateFile the file
     */
    public SslCertificate(String certificateFile) {
        this(certificateFile, null, null);
    }

    /**
     * @param certificateFile the certificate, PEM (or PKCS#12 holding both)
     * @param privateKeyFile its unencrypted private key, PEM; null or empty where the first file holds it
     */
    public SslCertificate(String certificateFile, String privateKeyFile) {
        this(certificateFile, privateKeyFile, null);
    }

    /**
     * @param certificateFile the certificate, PEM (or PKCS#12 holding both)
     * @param privateKeyFile its private key, PEM; null or empty where the first file holds it
     * @param password the key's (or the PKCS#12 file's) password, or null for a plain key
     */
    public SslCertificate(String certificateFile, String privateKeyFile, String password) {
        if (certificateFile == null || certificateFile.isEmpty()) {
            throw new IllegalArgumentException("an SSL certificate needs a certificate file");
        }
        this.certificateFile = certificateFile;
        this.privateKeyFile = privateKeyFile == null || privateKeyFile.isEmpty() ? null : privateKeyFile;
        this.password = password;
    }

    /** @return the certificate file */
    public String certificateFile() {
        return certificateFile;
    }

    /** @return the private key file, or null where the certificate file holds the key */
    public String privateKeyFile() {
        return privateKeyFile;
    }

    /** @return the key's password, or null */
    public String password() {
        return password;
    }

    /** @return the files, never the password */
    @Override
    public String toString() {
        return "ssl-certificate(" + certificateFile + (privateKeyFile == null ? "" : ", " + privateKeyFile)
                + (password == null ? "" : ", password ****") + ")";
    }
}
