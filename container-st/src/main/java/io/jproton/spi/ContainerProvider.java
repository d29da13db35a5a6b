package io.jproton.spi;

import io.jproton.Container;
import io.jproton.MessagingHandler;

/**
 * A container implementation, found through {@link java.util.ServiceLoader}. The single-threaded
 * provider ships in {@code container-st}; {@code container-mt} adds the multi-threaded one with
 * a higher priority, so adding that dependency switches every {@code new Container(...)}.
 *
 * <p>Thread-safety: implementations must be thread-safe; {@link #create} may be called from any thread.
 */
public interface ContainerProvider {
    /**
     * @return the short name the system property {@code jproton.container} selects, e.g. "st" or "mt"
     */
    String name();

    /**
     * @return the priority; the highest wins when no provider is named
     */
    int priority();

    /**
     * @param container the public container object being built
     * @param handler the container's handler
     * @param id the container id
     * @return the implementation behind the container
     */
    ContainerCore create(Container container, MessagingHandler handler, String id);
}
