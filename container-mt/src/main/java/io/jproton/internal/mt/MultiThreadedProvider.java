package io.jproton.internal.mt;

import io.jproton.Container;
import io.jproton.MessagingHandler;
import io.jproton.spi.ContainerCore;
import io.jproton.spi.ContainerProvider;

/**
 * The provider of the multi-threaded container ("mt"): its priority is above the single-threaded
 * provider's, so having {@code container-mt} on the class path switches every new container.
 * Stateless; thread-safe.
 */
public final class MultiThreadedProvider implements ContainerProvider {
    /** The priority: above the single-threaded provider's 10. */
    public static final int PRIORITY = 20;

    @Override
    public String name() {
        return "mt";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public ContainerCore create(Container container, MessagingHandler handler, String id) {
        return new MultiThreadedContainer(container, handler, id);
    }
}
