/**
 * <h2>Threading model</h2>
 * Every public method here is thread-safe and meant for application threads: a send crosses into
 * its connection's context through the connection's work queue (the multi-threaded container
 * serializes it with that connection's callbacks), and outcomes come back on an executor, never on
 * a container thread and never under a lock. The methods that can wait ({@code borrow},
 * {@code send} with a timeout) refuse to run in a container callback, where they could wait on
 * their own connection.
 *
 * <p>Application threads send safely and fast: {@link io.jproton.mt.pool.ThreadSafeSender}, a sender
 * that any thread may use, with each message's outcome as a
 * {@link java.util.concurrent.CompletableFuture} and a bounded number of messages in flight; and
 * {@link io.jproton.mt.pool.SenderPool}, a pool of them keyed by URL, address and options, on
 * Apache Commons Pool 2. The one public package of {@code container-mt}: it needs the
 * multi-threaded container, whose work queues make the crossing from application threads into a
 * connection's context thread-safe. The handler API is unchanged.
 *
 * <p>Units: durations have millisecond precision; counts are messages or senders.
 */
package io.jproton.mt.pool;
