package io.jproton.mt.pool;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.ConnectionOptions;
import io.jproton.MessagingHandler;
import io.jproton.SenderOptions;
import org.junit.Test;

/** Keys: value equality of URL and address, identity of options, no password shown, no handler allowed. */
public class SenderKeyTest {
    @Test
    public void keysAreEqualByUrlAndAddressAndTheSameOptions() {
        ConnectionOptions o = new ConnectionOptions().user("u");
        assertEquals(SenderKey.of("h:1", "q"), SenderKey.of("h:1", "q"));
        assertEquals(SenderKey.of("h:1", "q", o), SenderKey.of("h:1", "q", o));
        assertNotEquals(SenderKey.of("h:1", "q", o), SenderKey.of("h:1", "q", new ConnectionOptions().user("u")));
        assertNotEquals(SenderKey.of("h:1", "q"), SenderKey.of("h:1", "r"));
        assertEquals(SenderKey.of("h:1", "q").hashCode(), SenderKey.of("h:1", "q").hashCode());
    }

    @Test
    public void toStringShowsNoPassword() {
        String s = SenderKey.of("amqp://alice:s3cret@h:1", "q", new ConnectionOptions().password("pw")).toString();
        assertFalse(s, s.contains("s3cret") || s.contains("alice") || s.contains("pw,") || s.contains("=pw"));
        assertTrue(s, s.contains("h:1"));
    }

    @Test
    public void optionsWithAHandlerAreRefused() {
        try {
            SenderKey.of("h:1", "q", new ConnectionOptions().handler(new MessagingHandler() { }));
            fail("a connection handler was accepted");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("handler"));
        }
        try {
            new SenderKey("h:1", "q", null, new SenderOptions().handler(new MessagingHandler() { }));
            fail("a sender handler was accepted");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("handler"));
        }
    }
}
