package io.jproton.internal.tls;

/**
 * The key strength of a TLS cipher suite, in bits, from its standard name (the JDK reports no
 * number): what Proton C++'s {@code ssl::ssf()} reports. Stateless; thread-safe.
 */
public final class CipherStrength {
    private CipherStrength() {}

    /**
     * @param suite a JSSE cipher suite name, such as {@code TLS_AES_128_GCM_SHA256}; may be null
     * @return the bulk cipher's key bits, 0 if unknown
     */
    public static int bits(String suite) {
        if (suite == null) {
            return 0;
        }
        String s = suite.toUpperCase(java.util.Locale.ROOT);
        if (s.contains("_NULL_") || s.endsWith("_NULL")) {
            return 0;
        }
        if (s.contains("AES_256") || s.contains("CHACHA20") || s.contains("CAMELLIA_256") || s.contains("ARIA_256")) {
            return 256;
        }
        if (s.contains("AES_128") || s.contains("CAMELLIA_128") || s.contains("ARIA_128")) {
            return 128;
        }
        if (s.contains("3DES") || s.contains("DES_EDE")) {
            return 112;
        }
        return 0;
    }
}
