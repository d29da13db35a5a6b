package io.jproton.internal.tls;

import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SNIHostName;

/**
 * Which server names the JDK checks itself, and jproton's own check for the others.
 *
 * <p>The JDK's HTTPS endpoint identification ({@code SSLParameters.setEndpointIdentificationAlgorithm})
 * matches IP addresses (IPv4 and IPv6, in any spelling) against the certificate's IP SANs only,
 * and host names against its DNS SANs (or, without them, its common name), with the wildcard
 * rules of RFC 6125. It refuses to check a name that is not a valid DNS host name, such as the
 * {@code test_server} of Proton's example certificates; only those come to {@link #check}, which
 * matches them against DNS names the same way, exactly or by a left-most {@code *} label.
 *
 * <p>Thread-safety: stateless; thread-safe.
 */
final class HostNames {
    private HostNames() {}

    /**
     * @param host a server name or IP address literal
     * @return true if the JDK's HTTPS identification checks this name (an IP literal, or a valid DNS name)
     */
    static boolean jdkChecks(String host) {
        if (isIpLiteral(host)) {
            return true;
        }
        try {
            new SNIHostName(host);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** @return true for an IPv4 dotted quad or an IPv6 literal (with or without brackets) */
    static boolean isIpLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true; // no DNS name has a ':'; the JDK reads every IPv6 form
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks a name the JDK does not: against the certificate's DNS SANs, or its common names if it
     * has none; never against IP SANs.
     *
     * @param host the name the client connected for
     * @param cert the server's certificate
     * @throws CertificateException saying why the name does not match
     */
    static void check(String host, X509Certificate cert) throws CertificateException {
        List<String> names = new ArrayList<>();
        try {
            if (cert.getSubjectAlternativeNames() != null) {
                for (List<?> san : cert.getSubjectAlternativeNames()) {
                    if (Integer.valueOf(2).equals(san.get(0))) {
                        names.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new CertificateException("has unreadable subject alternative names", e);
        }
        if (names.isEmpty()) {
            try {
                for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                    if (rdn.getType().equalsIgnoreCase("CN")) {
                        names.add(String.valueOf(rdn.getValue()));
                    }
                }
            } catch (InvalidNameException e) {
                throw new CertificateException("has an unreadable subject", e);
            }
        }
        for (String name : names) {
            if (matches(host, name)) {
                return;
            }
        }
        throw new CertificateException("does not match the host name '" + host + "' (certificate names: " + names + ")");
    }

    private static boolean matches(String host, String pattern) {
        if (host == null || isIpLiteral(host)) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        String p = pattern.toLowerCase(Locale.ROOT);
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot).equals(p.substring(1)) && p.indexOf('.', 2) > 0;
        }
        return h.equals(p);
    }
}
