package io.jproton.internal.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jproton.ConnectionOptions;
import io.jproton.ReconnectOptions;
import java.time.Duration;
import java.util.List;
import org.junit.Test;

/** {@link Reconnection}: attempt numbers, targets in turn, delays, the bound, and the count starting over. */
public class ReconnectionTest {
    private static final List<String[]> TARGETS = List.of(new String[] {"a", "1"}, new String[] {"b", "2"},
            new String[] {"c", "3"});

    private static Reconnection reconnection(ReconnectOptions options) {
        Reconnection r = new Reconnection();
        r.configure(options, TARGETS);
        return r;
    }

    @Test
    public void offUntilConfigured() {
        Reconnection r = new Reconnection();
        assertFalse(r.on());
        assertNull(r.next());
        assertEquals(0, r.attempts());
    }

    @Test
    public void attemptsGoRoundTheTargetsFromTheSecondWithGrowingDelays() {
        Reconnection r = reconnection(new ReconnectOptions().delay(Duration.ofMillis(10)).delayMultiplier(2)
                .maxDelay(Duration.ofMillis(50)));
        assertTrue(r.on());
        String[] expected = {"b:2", "c:3", "a:1", "b:2", "c:3"};
        long[] delays = {10, 20, 40, 50, 50};
        for (int i = 0; i < expected.length; i++) {
            Reconnection.Attempt a = r.next();
            assertEquals(i + 1, a.number());
            assertEquals(expected[i], a.target());
            assertEquals(delays[i], a.delay().toMillis());
        }
        assertEquals(5, r.attempts());
    }

    @Test
    public void maxAttemptsBoundsTheAttemptsSinceTheLastOpen() {
        Reconnection r = reconnection(new ReconnectOptions().delay(Duration.ofMillis(1)).maxAttempts(2));
        assertEquals(1, r.next().number());
        assertEquals(2, r.next().number());
        assertNull("a third attempt", r.next());
        r.opened();
        assertEquals("the count starts over once open", 0, r.attempts());
        Reconnection.Attempt again = r.next();
        assertEquals(1, again.number());
        assertEquals("and so do the delays", 1, again.delay().toMillis());
    }

    @Test
    public void switchedOnLaterByTheOptionsWithTheTargetsTheyName() {
        Reconnection r = new Reconnection();
        r.targetsOf(o -> List.of(new String[] {"first", "5672"}, new String[] {"failover", "5673"}));
        r.optionsUpdated(new ConnectionOptions());
        assertFalse("options without reconnect settings leave it off", r.on());
        r.optionsUpdated(new ConnectionOptions().failoverUrls(List.of("failover:5673")));
        assertTrue(r.on());
        assertEquals("failover:5673", r.next().target());
    }
}
