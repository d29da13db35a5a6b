package io.jproton.internal.container;

import io.jproton.spi.ContainerProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;

/**
 * Chooses the container implementation once per class loader: the provider named by the system
 * property {@code jproton.container}, else the one with the highest priority. Thread-safe.
 */
public final class Providers {
    /** The system property that names a provider. */
    public static final String PROPERTY = "jproton.container";
    private static final Logger LOG = io.jproton.internal.engine.Loggers.CONTAINER;
    private static final String ARTIFACTS = "add io.jproton:container-st (single-threaded) or io.jproton:container-mt "
            + "(multi-threaded) to the class path";

    private Providers() {}

    private static final class Holder {
        static final ContainerProvider SELECTED = choose(load(), System.getProperty(PROPERTY));
    }

    /**
     * @return the chosen provider
     */
    public static ContainerProvider selected() {
        String named = System.getProperty(PROPERTY);
        if (named != null && !named.isEmpty() && !named.equals(Holder.SELECTED.name())) {
            return choose(load(), named); // the property changed since the first choice: honour it
        }
        return Holder.SELECTED;
    }

    static List<ContainerProvider> load() {
        List<ContainerProvider> found = new ArrayList<>();
        try {
            for (ContainerProvider p : ServiceLoader.load(ContainerProvider.class, Providers.class.getClassLoader())) {
                found.add(p);
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a jproton container provider failed to load (" + e.getMessage() + "); "
                    + ARTIFACTS, e);
        }
        return found;
    }

    /**
     * @param found the providers on the class path
     * @param named the provider named by the system property, or null
     * @return the chosen provider
     */
    static ContainerProvider choose(List<ContainerProvider> found, String named) {
        if (found.isEmpty()) {
            throw new IllegalStateException("no jproton container provider found: " + ARTIFACTS);
        }
        ContainerProvider chosen = null;
        if (named != null && !named.isEmpty()) {
            for (ContainerProvider p : found) {
                if (p.name().equals(named)) {
                    chosen = p;
                }
            }
            if (chosen == null) {
                List<String> names = found.stream().map(ContainerProvider::name).toList();
                throw new IllegalStateException(PROPERTY + "=" + named + " names no provider on the class path (found "
                        + names + "); " + ARTIFACTS);
            }
        } else {
            for (ContainerProvider p : found) {
                if (chosen == null || p.priority() > chosen.priority()) {
                    chosen = p;
                }
            }
        }
        LOG.debug("jproton container provider: {} (priority {}; named: {})", chosen.name(), chosen.priority(), named);
        return chosen;
    }
}
