package io.jproton;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** What only the single-threaded container promises. */
public class SingleThreadedContainerTest {

    @Test
    public void theSingleThreadedProviderIsChosenWithoutContainerMt() {
        assertEquals("st", new Container().provider());
    }

    @Test
    public void runWithSeveralThreadsSaysWhatToAdd() {
        try {
            new Container().run(2);
            fail("run(2) must throw on the single-threaded container");
        } catch (UnsupportedOperationException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("container-mt"));
        }
    }

    @Test
    public void onlyWakeIsThreadSafeEverywhere() {
        List<String> always = new ArrayList<>();
        for (Class<?> type : new Class<?>[] {Container.class, Connection.class, Session.class, Sender.class, Receiver.class,
                Link.class, Endpoint.class, Delivery.class, Tracker.class, Transfer.class, Transport.class, WorkQueue.class,
                WorkHandle.class}) {
            for (Method m : type.getMethods()) {
                ThreadSafe ts = m.getAnnotation(ThreadSafe.class);
                if (ts != null && ts.always() && m.getDeclaringClass() == type) {
                    always.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        always.sort(null);
        assertEquals(List.of("Connection.wake", "Container.id", "Container.provider"), always);
    }
}
