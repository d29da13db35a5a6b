package io.jproton.internal.container;

import static org.junit.Assert.assertEquals;
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
}
