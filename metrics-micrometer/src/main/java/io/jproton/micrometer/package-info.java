/**
 * Micrometer meters for a jproton container: bind {@link io.jproton.micrometer.JprotonMetrics} to
 * a {@code MeterRegistry} and the container reports its connections, sessions, links, messages,
 * outcomes, bytes, starved senders, reconnects and queued work, tagged with its id.
 *
 * <h2>Threading model</h2>
 * The binder is thread-safe: bind it from any thread, ideally before the container's
 * {@code run()}. The container's threads count into lock-free adders; the registry reads them
 * when it publishes, from its own thread.
 */
package io.jproton.micrometer;
