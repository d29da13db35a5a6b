package io.jproton.compat;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jproton.ConnectionOptions;
import io.jproton.SslClientOptions;
import io.jproton.SslVerifyMode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Whose name a client checks, and how: by default ({@link SslVerifyMode#VERIFY_PEER_NAME}, as in
 * C++) the JDK's HTTPS rules for IP addresses and DNS names (IPv6 in IP SANs; no wildcard for an
 * IP), and jproton's own check for names the JDK refuses, such as Proton's {@code test_server}.
 */
public class TlsNamesTest {
    private static TestTls.Cert ipv6;
    private static TestTls.Cert wildcardIp;
    private static TestTls.Cert otherName;
    private static TestTls.Cert testServer;

    @BeforeClass
    public static void certificates() throws Exception {
        ipv6 = TestTls.make("ipv6", "CN=ipv6", "ip:::1");
        wildcardIp = TestTls.make("wildcard-ip", "CN=wildcard", "dns:*.0.0.1");
        otherName = TestTls.make("other-name", "CN=other.example", "dns:other.example");
        testServer = TestTls.make("test-server", "CN=test_server,O=jproton", null);
    }

    private static List<String> connect(String host, TestTls.Cert cert, SslVerifyMode mode, String virtualHost) throws Exception {
        ConnectionOptions client = new ConnectionOptions().sslClientOptions(
                mode == null ? new SslClientOptions(cert.pem(), null) : new SslClientOptions(cert.pem(), mode));
        if (virtualHost != null) {
            client.virtualHost(virtualHost);
        }
        return SaslPair.run("amqps", host, new ConnectionOptions().sslServerOptions(cert.server()), client).client();
    }

    private static void assertRefused(List<String> events, String why) {
        assertEquals(events.toString(), 2, events.size());
        assertTrue(events.get(0), events.get(0).startsWith("error amqp:connection:framing-error: TLS handshake failed: "));
        assertTrue(events.get(0), events.get(0).contains(why));
    }

    @Test
    public void anIpv6AddressMatchesItsIpSan() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            Assume.assumeTrue(probe.getLocalPort() > 0);
        } catch (java.io.IOException e) {
            Assume.assumeTrue("no IPv6 loopback here", false);
        }
        assertEquals(List.of("open mech=ANONYMOUS user=anonymous", "close"), connect("[::1]", ipv6, null, null));
    }

    @Test
    public void aWildcardNeverMatchesAnIpAddress() throws Exception {
        assertRefused(connect("127.0.0.1", wildcardIp, null, null), "No subject alternative names matching IP address 127.0.0.1");
    }

    @Test
    public void theDefaultVerifyModeChecksTheName() throws Exception {
        assertRefused(connect("127.0.0.1", otherName, null, null), "127.0.0.1");
        assertEquals("open", connect("127.0.0.1", otherName, SslVerifyMode.VERIFY_PEER, null).get(0).split(" ")[0]);
        assertEquals("open", connect("127.0.0.1", otherName, null, "other.example").get(0).split(" ")[0]);
        assertRefused(connect("127.0.0.1", otherName, null, "another.example"), "another.example");
    }

    @Test
    public void namesTheJdkRefusesAreCheckedByOurs() throws Exception {
        assertEquals("open", connect("127.0.0.1", testServer, null, "test_server").get(0).split(" ")[0]);
        assertRefused(connect("127.0.0.1", testServer, null, "wrong_server"),
                "does not match the host name 'wrong_server' (certificate names: [test_server])");
    }
}
