package io.jproton.internal.st;

import io.jproton.Container;
import io.jproton.MessagingHandler;
import io.jproton.spi.ContainerCore;
import io.jproton.spi.ContainerProvider;

/** The provider of the single-threaded container ("st", priority 10). Stateless; thread-safe. */
public final class SingleThreadedProvider implements ContainerProvider {
    /** The priority; the multi-threaded provider's is higher. */
    public static final int PRIORITY = 10;

    @Override
    public String name() {
        return "st";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public ContainerCore create(Container container, MessagingHandler handler, String id) {
        return new SingleThreadedContainer(container, handler, id);
    }
}
