package io.jproton.internal.container;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

public class UrlTest {

    @Test
    public void fullUrl() {
        Url u = Url.parse("amqp://alice:s%40cret@example.com:5673/queue/a");
        assertEquals("amqp", u.scheme());
        assertEquals("alice", u.user());
        assertEquals("s@cret", u.password());
        assertEquals("example.com", u.host());
        assertEquals(5673, u.port());
        assertEquals("queue/a", u.path());
    }

    @Test
    public void defaults() {
        Url u = Url.parse("127.0.0.1/examples");
        assertEquals(5672, u.port());
        assertEquals("examples", u.path());
        assertNull(u.user());
        assertEquals(5671, Url.parse("amqps://h").port());
        assertEquals(5671, Url.parse("h:amqps").port());
        Url slashes = Url.parse("//127.0.0.1:5672");
        assertEquals("127.0.0.1", slashes.host());
        assertEquals("", slashes.path());
        assertEquals("localhost", Url.parse(":5672").connectHost());
        assertEquals("", Url.parse("0.0.0.0:0").path());
        assertEquals(0, Url.parse("0.0.0.0:0").port());
    }

    @Test
    public void ipv6() {
        Url u = Url.parse("amqp://[::1]:1234/x");
        assertEquals("::1", u.host());
        assertEquals(1234, u.port());
    }

    @Test
    public void badPartsAreNamed() {
        String[][] cases = {
            {"amqp://h:abc", "bad port 'abc'"},
            {"ftp://h", "unknown scheme 'ftp'"},
            {"h:70000", "port 70000 out of range"},
            {"[::1:5672", "unclosed '['"},
            {"h:", "empty port"},
            {"a b:5672", "bad host 'a b'"},
        };
        for (String[] c : cases) {
            try {
                Url.parse(c[0]);
                fail("accepted " + c[0]);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains(c[1]));
                assertTrue(e.getMessage(), e.getMessage().contains(c[0]));
            }
        }
    }

    @Test
    public void schemeIsCaseInsensitive() {
        Url u = Url.parse("AMQPS://Host:1234");
        assertEquals("amqps", u.scheme());
        assertEquals(1234, u.port());
        assertEquals(5671, Url.parse("AmQpS://h").port());
    }

    @Test
    public void percentDecodingOfUserAndPassword() {
        Url u = Url.parse("amqp://al%20ice:p%3Aw%2Fd+%25%C3%BC@h");
        assertEquals("al ice", u.user());
        assertEquals("p:w/d+%\u00fc", u.password());
    }

    @Test
    public void anUnbracketedIpv6AddressIsRefused() {
        for (String url : new String[] {"::1", "amqp://::1:5672", "fe80::1:5672/q"}) {
            try {
                Url.parse(url);
                fail("accepted " + url);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("an IPv6 address must be in brackets"));
            }
        }
        assertEquals("::1", Url.parse("amqp://[::1]").host());
    }

    /** No error and no toString shows the password or any part of it, however broken the URL. */
    @Test
    public void errorsNeverShowTheSecret() {
        String[] urls = {"amqp://alice:s3cret@host:x", "AMQP://alice:s3cret@::1:5672", "amqp://alice:s3%zzcret@host",
            "amqp://alice:s3cret%@host", "amqp://alice:s3%C3cret@host", "amqp://alice:s3cret/x@host:y",
            "amqp://alice:s3c:ret@host:99999", "ftp://alice:s3cret@h", "amqp://alice:s3cret@[::1:5672",
            "amqp://alice:s3cret@h st", "amqp://alice:s3cret@host:"};
        for (String url : urls) {
            try {
                Url u = Url.parse(url);
                assertFalse(u.toString(), u.toString().contains("s3c") || u.toString().contains("alice"));
            } catch (IllegalArgumentException e) {
                for (String fragment : new String[] {"s3c", "cret", "zz", "%C3", "alice"}) {
                    assertFalse(url + " -> " + e.getMessage(), e.getMessage().contains(fragment));
                }
                assertTrue(e.getMessage(), e.getMessage().contains("***"));
            }
        }
    }

    @Test
    public void redactHidesEverythingBeforeTheLastAt() {
        assertEquals("amqp://***@host:5672/q", Url.redact("amqp://alice:s3cret@host:5672/q"));
        assertEquals("amqp://***@host", Url.redact("amqp://alice:pa/ss@host"));
        assertEquals("amqp://host/q", Url.redact("amqp://host/q"));
    }
}
