package io.jproton.internal.container;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.ProtonException;
import org.junit.Test;

/** The one run's outcome, shared by both containers: the first failure wins and is thrown again. */
public class RunOutcomeTest {

    @Test
    public void aCleanRunEndsAndRethrowsNothing() {
        RunOutcome o = new RunOutcome();
        assertFalse(o.ended());
        o.end();
        assertTrue(o.ended());
        assertFalse(o.failed());
        o.rethrow();
    }

    @Test
    public void theFirstFailureWinsAndIsThrownAsItWas() {
        RunOutcome o = new RunOutcome();
        IllegalStateException first = new IllegalStateException("first");
        o.fail(first);
        o.fail(new IllegalArgumentException("a consequence"));
        assertTrue(o.failed());
        for (int i = 0; i < 2; i++) { // the run and a later run() call alike
            try {
                o.rethrow();
                fail("no failure thrown");
            } catch (IllegalStateException e) {
                assertSame(first, e);
            }
        }
        RunOutcome error = new RunOutcome();
        AssertionError err = new AssertionError("an Error too");
        error.fail(err);
        try {
            error.rethrow();
            fail("no error thrown");
        } catch (AssertionError e) {
            assertSame(err, e);
        }
    }

    @Test
    public void aCheckedExceptionIsWrapped() {
        RunOutcome o = new RunOutcome();
        Exception checked = new java.io.IOException("sneaky");
        o.fail(checked);
        try {
            o.rethrow();
            fail("nothing thrown");
        } catch (ProtonException e) {
            assertSame(checked, e.getCause());
            assertEquals("a callback failed: java.io.IOException: sneaky", e.getMessage());
        }
    }
}
