package io.jproton.internal.container;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jproton.Container;
import io.jproton.MessagingHandler;
import io.jproton.spi.ContainerCore;
import io.jproton.spi.ContainerProvider;
import java.util.List;
import org.junit.Test;

public class ProvidersTest {
    private static ContainerProvider provider(String name, int priority) {
        return new ContainerProvider() {
            @Override public String name() { return name; }
            @Override public int priority() { return priority; }
            @Override public ContainerCore create(Container c, MessagingHandler h, String id) { return null; }
        };
    }

    @Test
    public void highestPriorityWins() {
        ContainerProvider st = provider("st", 10);
        ContainerProvider mt = provider("mt", 20);
        assertSame(mt, Providers.choose(List.of(st, mt), null));
        assertSame(mt, Providers.choose(List.of(mt, st), ""));
    }

    @Test
    public void thePropertyWins() {
        ContainerProvider st = provider("st", 10);
        ContainerProvider mt = provider("mt", 20);
        assertSame(st, Providers.choose(List.of(st, mt), "st"));
    }

    @Test
    public void noProviderNamesTheArtifacts() {
        try {
            Providers.choose(List.of(), null);
            fail();
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("io.jproton:container-st"));
            assertTrue(e.getMessage(), e.getMessage().contains("io.jproton:container-mt"));
        }
    }

    @Test
    public void anUnknownNameIsAnError() {
        try {
            Providers.choose(List.of(provider("st", 10)), "mt");
            fail();
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("jproton.container=mt"));
            assertTrue(e.getMessage(), e.getMessage().contains("container-mt"));
        }
    }

    @Test
    public void theShippedProviderIsFound() {
        List<ContainerProvider> found = Providers.load();
        assertEquals(1, found.size());
        assertEquals("st", found.get(0).name());
    }
}
