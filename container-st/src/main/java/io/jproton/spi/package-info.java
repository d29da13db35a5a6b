/**
 * The container provider SPI: how {@code new Container(handler)} finds its implementation.
 * {@link io.jproton.spi.ContainerProvider} implementations are found through
 * {@link java.util.ServiceLoader} ({@code META-INF/services} on the class path, {@code provides}
 * in a module descriptor on the module path); {@code container-st} provides the single-threaded
 * one and {@code container-mt} the multi-threaded one, with a higher priority.
 *
 * <h2>Threading model</h2>
 * Providers are looked up once per class loader, from any thread; the
 * {@link io.jproton.spi.ContainerCore} a provider creates carries the threading contract of its
 * container (see the {@code io.jproton} package): single-threaded cores run only on the thread
 * that calls {@code run}, multi-threaded ones on their worker threads. Applications do not use
 * this package; it exists so that a container implementation can be added by dependency alone.
 */
package io.jproton.spi;
