package io.jproton.internal.io;

import io.jproton.ErrorCondition;
import io.jproton.WorkHandle;
import io.jproton.internal.engine.ConnectionDriver;
import io.jproton.internal.engine.DriverHost;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A {@link ConnectionDriver} on a non-blocking socket, run by one {@link EventLoop}: moves bytes
 * between the socket and the driver, runs the callbacks, and keeps the idle-timeout timer. A
 * connection stays on its loop for life, which is what serializes its callbacks.
 *
 * <p>Thread-safety: {@link #wake()} is thread-safe; so are {@link #addWork} and {@link #schedule}
 * where the loop's confinement is {@link Confinement#CONNECTION}; everything else is
 * confined to the loop.
 *
 * <p>Size: about 580 lines. The reconnect policy is {@link Reconnection}, the timers
 * {@link ConnectionTimers}, logs and JFR events {@link ConnectionEvents}, the AMQP side
 * {@link ConnectionDriver}; what stays is the socket's part of one connection's life (connect or
 * accept, read, write, lose, reconnect, stop) and the {@link DriverHost} contract, whose state
 * (connected, stopping, finished) those steps share.
 */
public final class SocketConnection implements DriverHost, Selectable {
    private static final int MAX_READS_PER_TURN = 16;
    /** How long a stopping container waits for the peer before dropping the socket. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private final EventLoop loop;
    private final Consumer<SocketConnection> onFinished;
    private final java.util.function.BooleanSupplier containerStopping;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private ConnectionDriver driver;
    private SocketChannel channel;
    private SelectionKey key;
    private boolean connected;
    private boolean processing;
    private boolean stopping;
    private volatile boolean finished;
    /** Set once the connection has been handed to its loop; before that only its creator knows it. */
    private volatile boolean started;
    private final Thread creator = Thread.currentThread();
    /** The tick, handshake and idle-release timers. */
    private final ConnectionTimers timers;
    /** Whether, where to and when to reconnect after a loss. */
    private final Reconnection reconnection = new Reconnection();
    /** The next attempt, while its delay runs; null otherwise. */
    private Reconnection.Attempt nextAttempt;
    boolean dirty;
    private java.net.InetSocketAddress peerAddress;
    private java.net.InetSocketAddress localAddress;
    /** Logs and JFR events of this connection's life. */
    private ConnectionEvents events;

    /**
     * @param loop the loop that runs this connection
     * @param onFinished called (on the loop) once the connection's last callback has run
     * @param containerStopping whether the container is stopping (thread-safe): then a transport
     *        that ends without a close is the expected end, since the peer may be stopping too
     */
    public SocketConnection(EventLoop loop, Consumer<SocketConnection> onFinished,
                            java.util.function.BooleanSupplier containerStopping) {
        this.loop = loop;
        this.timers = new ConnectionTimers(loop, this::markDirty, () -> {
            if (!finished) {
                driver.io().releaseIdleBuffers();
            }
        });
        this.onFinished = onFinished;
        this.containerStopping = containerStopping;
    }

    /**
     * @param driver the driver this socket feeds; set once, before {@link #connect} or {@link #accepted}
     */
    public void driver(ConnectionDriver driver) {
        this.driver = driver;
        this.events = new ConnectionEvents(driver);
    }

    /**
     * @return the driver
     */
    public ConnectionDriver driver() {
        return driver;
    }

    /**
     * @return the loop that runs this connection
     */
    public EventLoop loop() {
        return loop;
    }

    /**
     * Hands the connection to its loop: from now on only its context may touch it. Called in a
     * callback, the hand-off waits until the callback returns, so the callback may set the new
     * connection up (open senders, receivers) as in the single-threaded container.
     *
     * @param first what the loop does first with it (connect, or take over an accepted socket)
     */
    public void start(Runnable first) {
        EventLoop.afterCurrentCallback(() -> {
            started = true;
            loop.runOrExecute(() -> inContext(first));
        });
    }

    private void inContext(Runnable r) {
        Object previous = loop.enter(this);
        try {
            r.run();
        } finally {
            loop.exit(previous);
        }
    }

    /**
     * @return true once the connection's last callback has run
     */
    public boolean finished() {
        return finished;
    }

    /**
     * Reconnect after a lost transport, trying the targets in turn.
     *
     * @param options how to reconnect
     * @param hostsAndPorts {host, port} pairs: the first URL's, then the failover URLs'
     */
    public void reconnect(io.jproton.ReconnectOptions options, java.util.List<String[]> hostsAndPorts) {
        reconnection.configure(options, hostsAndPorts);
    }

    @Override
    public boolean reconnects() {
        return reconnection.on() && !stopping && !driver.locallyClosed();
    }

    @Override
    public void optionsUpdated(io.jproton.ConnectionOptions options) {
        reconnection.optionsUpdated(options);
    }

    /**
     * @param targets where a client connection may reconnect to, given its options: {host, port}
     *        pairs, the first URL's first
     */
    public void reconnectTargets(java.util.function.Function<io.jproton.ConnectionOptions, java.util.List<String[]>> targets) {
        reconnection.targetsOf(targets);
    }

    @Override
    public boolean reconnectAfter(ErrorCondition error) {
        if (!reconnection.on() || stopping || driver.locallyClosed()) {
            return false;
        }
        Reconnection.Attempt next = reconnection.next();
        if (next == null) {
            events.gaveUp(error, reconnection.attempts() - 1);
            return false;
        }
        events.reconnecting(error, next);
        closeChannel();
        connected = false;
        timers.handshakeOver(); // each attempt has a handshake timeout of its own
        nextAttempt = next;
        timers.reconnectIn(next.delay(), () -> inContext(this::attempt));
        return true;
    }

    private void attempt() {
        Reconnection.Attempt next = nextAttempt;
        nextAttempt = null;
        if (stopping || driver.locallyClosed()) {
            driver.giveUp();
            markDirty();
            return;
        }
        driver.reset();
        connect(next.host(), next.port());
    }

    /**
     * Starts a non-blocking connect. Failures are reported as transport errors.
     *
     * @param host host
     * @param port port
     */
    public void connect(String host, int port) {
        events.connecting(host, port);
        armHandshakeTimer();
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            InetSocketAddress address = new InetSocketAddress(host, port);
            if (channel.connect(address)) {
                key = channel.register(loop.selector(), SelectionKey.OP_READ, this);
                connectedNow();
            } else {
                key = channel.register(loop.selector(), SelectionKey.OP_CONNECT, this);
            }
        } catch (UnresolvedAddressException e) {
            failed("connect to " + events.peer() + " failed: cannot resolve host '" + host + "'");
        } catch (IOException e) {
            failed("connect to " + events.peer() + " failed: " + e.getMessage());
        }
        markDirty();
    }

    /**
     * Takes over an accepted socket.
     *
     * @param accepted the socket
     */
    public void accepted(SocketChannel accepted) {
        events.accepting();
        armHandshakeTimer();
        channel = accepted;
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            key = channel.register(loop.selector(), SelectionKey.OP_READ, this);
        } catch (IOException e) {
            failed("cannot use accepted socket: " + e.getMessage());
            return;
        }
        connectedNow();
        markDirty();
    }

    private void connectedNow() {
        connected = true;
        try {
            peerAddress = (java.net.InetSocketAddress) channel.getRemoteAddress();
            localAddress = (java.net.InetSocketAddress) channel.getLocalAddress();
        } catch (IOException | RuntimeException e) {
            // the socket already failed: the read or write that follows reports it
        }
        events.connected(peerAddress, localAddress);
        driver.transportOpened();
    }

    private void failed(String description) {
        driver.io().disconnected(description);
        closeChannel();
        markDirty();
    }

    @Override
    public void onReady(int readyOps) {
        if ((readyOps & SelectionKey.OP_CONNECT) != 0) {
            try {
                channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
                connectedNow();
            } catch (IOException e) {
                failed("connect to " + events.peer() + " failed: " + e.getMessage());
                return;
            }
        }
        if ((readyOps & SelectionKey.OP_READ) != 0) {
            read();
        }
        markDirty();
    }

    private void read() {
        try {
            for (int i = 0; i < MAX_READS_PER_TURN; i++) {
                ByteBuffer buf = driver.io().inputBuffer();
                if (buf == null) {
                    return;
                }
                int n = channel.read(buf);
                if (n < 0) {
                    if (stopping()) {
                        driver.io().abort(null); // the peer closed first while we stop: the expected end
                    } else {
                        driver.io().inputClosed();
                    }
                    return;
                }
                if (n == 0) {
                    return;
                }
                if (driver.metrics() != null) {
                    driver.metrics().bytesIn(n);
                }
                driver.io().processInput();
            }
        } catch (IOException e) {
            lost("read failed: " + e.getMessage());
        }
    }

    private boolean stopping() {
        return stopping || containerStopping.getAsBoolean();
    }

    /**
     * The socket failed. While the container stops, that is the expected end of a connection it
     * closed (the peer may drop the socket first): the transport just closes, without an error.
     */
    private void lost(String description) {
        if (stopping()) {
            driver.io().abort(null);
        } else {
            driver.io().disconnected(description);
        }
    }

    /**
     * Runs callbacks for what happened, writes what they produced, advances the engine's timers
     * (and writes what that produced, in the same round: empty frames, an idle-timeout close), and
     * closes when the transport is done.
     */
    void process() {
        if (finished) {
            return;
        }
        long now;
        processing = true;
        try {
            dispatchAndWrite();
            now = timers.engineMillis();
            if (!driver.finished()) {
                timers.tickAt(driver.tick(now), now);
                dispatchAndWrite();
            }
        } finally {
            processing = false;
        }
        if (driver.remotelyOpen() && !driver.awaitingReconnect()) { // not the lost transport, which still reads as open
            events.opened(reconnection.attempts());
            reconnection.opened(); // the next loss starts the count and the delays over
            timers.handshakeOver();
        }
        if (driver.finished()) {
            finish();
        } else {
            timers.active(now);
            if (driver.metrics() != null) {
                driver.metrics().flush(); // once a round: the counts of this round's messages and bytes
            }
        }
    }

    private void dispatchAndWrite() {
        do {
            driver.dispatch();
            if (!driver.finished()) {
                write();
            }
        } while (driver.needsDispatch());
    }

    /** Closes the connection unless the peer's AMQP open arrives within the options' handshake timeout. */
    private void armHandshakeTimer() {
        Duration timeout = driver.handshakeTimeout();
        timers.handshake(timeout, () -> inContext(() -> {
            if (!finished && !driver.remotelyOpen()) {
                if (connected) {
                    driver.handshakeTimedOut(timeout);
                    markDirty();
                } else {
                    failed("connect timed out after " + timeout.toMillis() + " ms (ConnectionOptions.handshakeTimeout)");
                }
            }
        }));
    }

    private void write() {
        if (!connected || channel == null || !channel.isOpen()) {
            return;
        }
        boolean blocked = false;
        try {
            ByteBuffer out;
            while ((out = driver.io().outputBuffer()) != null) {
                int n = channel.write(out);
                if (n > 0) {
                    driver.io().outputWritten(n);
                }
                if (n == 0 || out.hasRemaining()) {
                    blocked = true;
                    break;
                }
            }
        } catch (IOException e) {
            lost("write failed: " + e.getMessage());
            closeChannel();
            return;
        }
        if (driver.io().outputClosed()) {
            if (stopping && !driver.io().inputIsClosed()) {
                driver.io().abort(null);
            }
            if (driver.io().inputIsClosed()) {
                closeChannel();
                return;
            }
        }
        if (key != null && key.isValid()) {
            int ops = (driver.io().inputIsClosed() ? 0 : SelectionKey.OP_READ) | (blocked ? SelectionKey.OP_WRITE : 0);
            if (key.interestOps() != ops) {
                key.interestOps(ops);
            }
        }
    }

    private void finish() {
        finished = true;
        events.closed();
        closeChannel();
        timers.cancelAll();
        onFinished.accept(this);
    }

    @Override
    public java.net.InetSocketAddress peerAddress() {
        return peerAddress;
    }

    @Override
    public java.net.InetSocketAddress localAddress() {
        return localAddress;
    }

    private void closeChannel() {
        Selectable.close(key, channel);
    }

    /**
     * Closes the AMQP connection with the condition and drops the socket once the close frame is
     * out, without waiting for the peer; used when the container stops.
     *
     * @param condition the error to close with, or null
     */
    public void stop(ErrorCondition condition) {
        if (finished) {
            return;
        }
        stopping = true;
        if (timers.cancelReconnect()) {
            driver.giveUp();
        }
        driver.close(condition);
        if (!connected) {
            driver.io().abort(null);
            closeChannel();
        }
        markDirty();
        timers.stopGrace(STOP_GRACE, this::forceStop); // cancelled if the connection finishes first
    }

    /** The peer did not answer the close in time: drop the transport (the closing callbacks still run). */
    private void forceStop() {
        if (!finished) {
            driver.io().abort(null);
            markDirty();
        }
    }

    /** Drops the socket at once, running no callback; used after a callback failed. */
    public void abort() {
        finished = true;
        closeChannel();
        if (driver != null) {
            driver.aborted();
            if (driver.metrics() != null) {
                driver.metrics().closed(); // dropped without callbacks: its counts and gauges all the same
            }
        }
    }

    // ---- DriverHost

    @Override
    public void checkAccess(String what) {
        // before the hand-off the creator sets the connection up; once finished, it is only read
        loop.checkAccess(what, this, (started || Thread.currentThread() != creator) && !finished);
    }

    @Override
    public void markDirty() {
        // the loop's list is not thread-safe: before the hand-off the creator's thread may not be the
        // loop's (connect() and accepted() mark the connection once it is on its loop), and once
        // finished (when the multi-threaded container lets any thread touch its objects) there is
        // nothing left to flush
        if (!processing && started && !finished) {
            loop.markDirty(this);
        }
    }

    @Override
    public void wake() {
        if (!finished && wakePending.compareAndSet(false, true)) {
            loop.execute(this::woken);
        }
    }

    private void woken() {
        wakePending.set(false);
        if (!finished) {
            inContext(() -> {
                driver.wakeCallback();
                markDirty();
            });
        }
    }

    @Override
    public boolean addWork(Runnable work) {
        loop.checkThreadSafeCall("WorkQueue.add");
        KeepAlive keepAlive = loop.keepAlive();
        if (!keepAlive.tryAcquire()) {
            return false;
        }
        if (finished) {
            keepAlive.release();
            return false;
        }
        // the promise is kept even if the connection finishes before the work runs: it runs after the last callback
        loop.execute(() -> {
            Object previous = loop.enter(this); // in this connection's context, as inContext() (one allocation per add)
            try {
                work.run();
                markDirty();
            } finally {
                loop.exit(previous);
                keepAlive.release();
            }
        });
        return true;
    }

    @Override
    public WorkHandle schedule(Duration delay, Runnable work) {
        loop.checkThreadSafeCall("WorkQueue.schedule");
        // as proton::work_queue::schedule, which adds the work when the delay has passed: a connection
        // that has finished by then refuses it, and it never runs
        return loop.scheduleWork(delay, () -> {
            if (!finished) {
                inContext(() -> {
                    work.run();
                    markDirty();
                });
            }
        });
    }

    /**
     * Container work scheduled from one of this connection's callbacks: it runs in this
     * connection's context (serialized with its callbacks), and runs even if the connection has
     * finished by then, as {@code proton::container::schedule} does.
     *
     * @param delay how long to wait
     * @param work the work
     * @return a handle to cancel it
     */
    public WorkHandle scheduleForContainer(Duration delay, Runnable work) {
        return loop.scheduleWork(delay, () -> inContext(() -> {
            work.run();
            markDirty();
        }));
    }

    @Override
    public io.jproton.internal.codec.GrowableBuffer scratchBuffer() {
        return loop.scratchForCaller(); // the calling thread's, not necessarily this connection's loop's
    }

    @Override
    public String toString() {
        return driver == null ? "connection" : driver.connection().toString();
    }
}
