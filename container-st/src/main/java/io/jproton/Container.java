package io.jproton;

import io.jproton.internal.container.Providers;
import io.jproton.spi.ContainerCore;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.Lock;

/**
 * A top-level container of connections, sessions and links, as {@code proton::container}.
 *
 * <p>{@code new Container(handler)} picks its implementation once, through
 * {@link java.util.ServiceLoader}: the system property {@code jproton.container} ({@code st} or
 * {@code mt}) names one; otherwise the highest priority wins, so adding the {@code container-mt}
 * dependency switches to the multi-threaded container without touching a handler.
 *
 * <p>Thread-safety, single-threaded container ({@code container-st}): {@link #run()} does all its
 * work on the calling thread and creates no thread. Container methods may be called before
 * {@code run()}, from callbacks, or from another thread that holds the lock given to
 * {@link #externalLock(Lock)}; any other call throws {@link IllegalStateException}. The only
 * method any thread may call at any time is {@link Connection#wake()}.
 *
 * <p>Thread-safety, multi-threaded container ({@code container-mt}): the methods marked
 * {@code @ThreadSafe(always = false)} may be called from any thread at any time.
 */
public class Container {
    private final ContainerCore core;

    /** A container with a handler that does nothing, and a random id. */
    public Container() {
        this(new MessagingHandler() { }, null);
    }

    /**
     * A container with a handler that does nothing, as C++ {@code container(const std::string& id)}:
     * connections and listeners bring their own handlers.
     *
     * @param id the container id sent to peers; a random UUID if null or empty
     */
    public Container(String id) {
        this(new MessagingHandler() { }, id);
    }

    /**
     * @param handler the handler for every event that no connection or link handler takes
     */
    public Container(MessagingHandler handler) {
        this(handler, null);
    }

    /**
     * @param handler the handler for every event that no connection or link handler takes
     * @param id the container id sent to peers; a random UUID if null or empty
     */
    public Container(MessagingHandler handler, String id) {
        if (handler == null) {
            throw new IllegalArgumentException("handler must not be null");
        }
        this.core = Providers.selected().create(this, handler, id == null || id.isEmpty() ? UUID.randomUUID().toString() : id);
    }

    /**
     * Runs the container on the calling thread until it stops: after {@link #stop()}, or, with
     * auto-stop on (the default), once no connection, listener or scheduled work remains.
     * {@code onContainerStop} is the last callback. A container runs once: a later {@code run()}
     * returns at once (or throws the failure the run ended with).
     *
     * @throws ProtonException or the handler's own exception, if a callback threw: the container
     *         then stops at once, dropping its connections
     */
    public void run() {
        core.run(1);
    }

    /**
     * Runs the container with {@code threads} threads: the calling thread and {@code threads - 1} more.
     * In the multi-threaded container, {@code run} may be called from several application threads at
     * once: each joins the pool, and every call returns after {@code onContainerStop}. Otherwise as
     * {@link #run()}.
     *
     * @param threads the number of threads, at least 1
     * @throws UnsupportedOperationException on the single-threaded container when {@code threads > 1}
     */
    public void run(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        core.run(threads);
    }

    /** Stops the container: closes every connection and listener; {@code run()} then returns. */
    @ThreadSafe(always = false)
    public void stop() {
        core.stop(null);
    }

    /**
     * @param condition the error to close connections with
     */
    @ThreadSafe(always = false)
    public void stop(ErrorCondition condition) {
        core.stop(condition);
    }

    /**
     * @param autoStop if true (the default), {@code run()} returns once nothing is left to do
     */
    public void autoStop(boolean autoStop) {
        core.autoStop(autoStop);
    }

    /**
     * Connects to a peer. The connection opens at once; {@code onConnectionOpen} follows when the peer answers.
     *
     * @param url {@code [amqp://][user[:password]@]host[:port]}
     * @return the connection
     * @throws IllegalArgumentException if the URL is malformed
     */
    @ThreadSafe(always = false)
    public Connection connect(String url) {
        return core.connect(url, null);
    }

    /**
     * @param url the URL
     * @param options options over the container's client defaults
     * @return the connection
     */
    @ThreadSafe(always = false)
    public Connection connect(String url, ConnectionOptions options) {
        return core.connect(url, options);
    }

    /**
     * Listens for incoming connections. The socket is bound when this returns.
     *
     * @param url {@code [host]:port}; port 0 picks a free port (see {@link Listener#port()})
     * @return the listener
     */
    @ThreadSafe(always = false)
    public Listener listen(String url) {
        return core.listen(url, new ListenHandler() { }, null);
    }

    /**
     * @param url the URL
     * @param handler the listener's handler
     * @return the listener
     */
    @ThreadSafe(always = false)
    public Listener listen(String url, ListenHandler handler) {
        return core.listen(url, handler, null);
    }

    /**
     * @param url the URL
     * @param options options for accepted connections
     * @return the listener
     */
    @ThreadSafe(always = false)
    public Listener listen(String url, ConnectionOptions options) {
        return core.listen(url, new ListenHandler() { }, options);
    }

    /**
     * Listens with a handler and options for accepted connections: the options (over the
     * container's {@link #serverConnectionOptions server defaults}) apply to every accepted
     * connection, and the handler's {@link ListenHandler#onAccept} options over them. The listener
     * settings among the options ({@link ConnectionOptions#maxConnections}) are read from these.
     * Thread-safety as {@link #listen(String)}.
     *
     * @param url {@code [host]:port}; port 0 picks a free port
     * @param handler the listener's handler
     * @param options options for accepted connections and the listener's settings; may be null
     * @return the listener
     * @throws IllegalArgumentException for a bad URL, or an {@code amqps} URL without server TLS options
     */
    @ThreadSafe(always = false)
    public Listener listen(String url, ListenHandler handler, ConnectionOptions options) {
        return core.listen(url, handler, options);
    }

    /**
     * @param url {@code [amqp://]host[:port]/address}
     * @return a sender to the URL's address
     */
    @ThreadSafe(always = false)
    public Sender openSender(String url) {
        return openSender(url, null, null);
    }

    /**
     * @param url the URL
     * @param options sender options
     * @return the sender
     */
    @ThreadSafe(always = false)
    public Sender openSender(String url, SenderOptions options) {
        return openSender(url, options, null);
    }

    /**
     * @param url the URL
     * @param options sender options
     * @param connectionOptions connection options
     * @return the sender
     */
    @ThreadSafe(always = false)
    public Sender openSender(String url, SenderOptions options, ConnectionOptions connectionOptions) {
        return core.openSender(url, options, connectionOptions);
    }

    /**
     * @param url {@code [amqp://]host[:port]/address}
     * @return a receiver from the URL's address
     */
    @ThreadSafe(always = false)
    public Receiver openReceiver(String url) {
        return openReceiver(url, null, null);
    }

    /**
     * @param url the URL
     * @param options receiver options
     * @return the receiver
     */
    @ThreadSafe(always = false)
    public Receiver openReceiver(String url, ReceiverOptions options) {
        return openReceiver(url, options, null);
    }

    /**
     * @param url the URL
     * @param options receiver options
     * @param connectionOptions connection options
     * @return the receiver
     */
    @ThreadSafe(always = false)
    public Receiver openReceiver(String url, ReceiverOptions options, ConnectionOptions connectionOptions) {
        return core.openReceiver(url, options, connectionOptions);
    }

    /**
     * The container's work queue, as {@code proton::work_queue(container&)}: work not tied to a
     * connection. Its work runs one piece at a time, in order, on a container thread, in no
     * connection's context (to act on a connection, add to that connection's work queue). Work
     * added keeps the container running; {@code add} returns false once the container has
     * finished. Thread-safety: the queue is thread-safe in the multi-threaded container and
     * confined like other container calls in the single-threaded one.
     *
     * @return the container's work queue (the same one on each call)
     */
    @ThreadSafe(always = false)
    public WorkQueue workQueue() {
        return core.workQueue();
    }

    /**
     * A new work queue of the container, serialized on its own: two such queues may run their
     * work in parallel in the multi-threaded container (as the C++ broker gives each queue one).
     * Otherwise as {@link #workQueue()}.
     *
     * @return a new work queue
     */
    @ThreadSafe(always = false)
    public WorkQueue newWorkQueue() {
        return core.newWorkQueue();
    }

    /**
     * Runs work on the container after a delay. Pending work keeps an auto-stopping container running.
     * Called in a connection's callback (or in its work), the work runs in that connection's
     * context, serialized with its callbacks, so a handler may act on the connection there in
     * both containers; called elsewhere, it runs in no connection's context.
     *
     * @param delay the delay, not negative
     * @param work the work
     * @return a handle that cancels the work
     */
    @ThreadSafe(always = false)
    public WorkHandle schedule(Duration delay, Runnable work) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        if (work == null) {
            throw new IllegalArgumentException("work must not be null");
        }
        return core.schedule(delay, work);
    }

    /**
     * @param handle work to cancel
     * @return true if it was cancelled before it ran
     */
    @ThreadSafe(always = false)
    public boolean cancel(WorkHandle handle) {
        return handle.cancel();
    }

    /**
     * @return the container id
     */
    @ThreadSafe
    public String id() {
        return core.id();
    }

    /**
     * Counts what this container does into {@code recorder} (connections, sessions and links open,
     * messages and their outcomes, bytes, starved senders, reconnects, queued work): what the
     * optional {@code metrics-micrometer} module's binder installs. Connections made after the
     * call count; install it before {@link #run()} to count everything. A jproton addition.
     *
     * @param recorder where counts go, or null to stop counting new connections
     */
    @ThreadSafe(always = false)
    public void metricsRecorder(io.jproton.spi.MetricsRecorder recorder) {
        core.metricsRecorder(recorder);
    }

    /**
     * @param options defaults for connections made with {@link #connect}
     */
    @ThreadSafe(always = false)
    public void clientConnectionOptions(ConnectionOptions options) {
        core.clientConnectionOptions(options);
    }

    /**
     * @return a copy of the defaults for outgoing connections
     */
    @ThreadSafe(always = false)
    public ConnectionOptions clientConnectionOptions() {
        return core.clientConnectionOptions();
    }

    /**
     * @param options defaults for accepted connections
     */
    @ThreadSafe(always = false)
    public void serverConnectionOptions(ConnectionOptions options) {
        core.serverConnectionOptions(options);
    }

    /**
     * @return a copy of the defaults for accepted connections
     */
    @ThreadSafe(always = false)
    public ConnectionOptions serverConnectionOptions() {
        return core.serverConnectionOptions();
    }

    /**
     * @param options defaults for every sender
     */
    @ThreadSafe(always = false)
    public void senderOptions(SenderOptions options) {
        core.senderOptions(options);
    }

    /**
     * @return a copy of the sender defaults
     */
    @ThreadSafe(always = false)
    public SenderOptions senderOptions() {
        return core.senderOptions();
    }

    /**
     * @param options defaults for every receiver
     */
    @ThreadSafe(always = false)
    public void receiverOptions(ReceiverOptions options) {
        core.receiverOptions(options);
    }

    /**
     * @return a copy of the receiver defaults
     */
    @ThreadSafe(always = false)
    public ReceiverOptions receiverOptions() {
        return core.receiverOptions();
    }

    /**
     * Single-threaded container: the lock that lets other threads call in. While set, the run loop
     * holds it whenever it touches container state or calls a handler, and releases it while it
     * waits for I/O. A thread holding it may call any method of the container and its objects,
     * then calls {@link Connection#wake()} so that the loop flushes what it did.
     *
     * <p>The lock must be able to tell who holds it, so that the confinement checks stay on: a
     * {@link java.util.concurrent.locks.ReentrantLock} or the write lock of a
     * {@link java.util.concurrent.locks.ReentrantReadWriteLock}. Call before {@code run()}.
     *
     * @param lock the lock, or null to remove it
     * @throws IllegalArgumentException for any other kind of lock
     * @throws IllegalStateException if the container is running
     */
    @ThreadSafe(always = false)
    public void externalLock(Lock lock) {
        if (lock != null && !(lock instanceof java.util.concurrent.locks.ReentrantLock)
                && !(lock instanceof java.util.concurrent.locks.ReentrantReadWriteLock.WriteLock)) {
            throw new IllegalArgumentException("the external lock must be a ReentrantLock or a ReentrantReadWriteLock's write lock,"
                    + " which can tell the confinement checks who holds it; got " + lock.getClass().getName());
        }
        core.externalLock(lock);
    }

    /**
     * @return the name of the implementation in use: "st" or "mt"
     */
    @ThreadSafe
    public String provider() {
        return core.providerName();
    }

    @Override
    public String toString() {
        return "container(" + core.id() + ", " + core.providerName() + ")";
    }
}
