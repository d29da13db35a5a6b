package io.jproton;

import io.jproton.internal.engine.ConnectionDriver;
import io.jproton.internal.engine.DriverHost;
import io.jproton.internal.engine.EngineContext;
import io.jproton.internal.io.TimerQueue;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One AMQP connection without sockets or threads, as Proton C++'s {@code connection_driver}:
 * bytes in, bytes out, handler callbacks. Use it to run jproton from your own poller, or to
 * test handlers in memory (see {@link EnginePair}).
 *
 * <p>The loop that drives an engine: put network input into {@link #readBuffer()} and call
 * {@link #readDone(int)}; call {@link #dispatch()} to run the callbacks; write out
 * {@link #writeBuffer()} and call {@link #writeDone(int)}; call {@link #tick(long)} by the
 * deadline it returns; at end of input call {@link #readClose()}. Do it again until
 * {@link #dispatch()} returns false.
 *
 * <p>Thread-safety: not thread-safe. The application confines the engine and its connection's
 * objects to one thread at a time (no check is made). {@link Connection#wake()} is thread-safe:
 * the next {@link #dispatch()} calls {@code onConnectionWake}. {@link WorkQueue#add} is
 * thread-safe too; the work runs in the next {@link #dispatch()}.
 */
public final class ConnectionEngine {
    private final ConnectionDriver driver;
    private final Host host = new Host();
    private final boolean server;
    private boolean opened;
    private int readStart = -1;

    /**
     * A client engine with default options.
     *
     * @param handler the handler for this connection's events
     */
    public ConnectionEngine(MessagingHandler handler) {
        this(null, handler, new ConnectionOptions(), false);
    }

    /**
     * @param handler the handler for this connection's events
     * @param options the connection's options
     * @param server true to take the accepting side (the peer sends the first bytes)
     */
    public ConnectionEngine(MessagingHandler handler, ConnectionOptions options, boolean server) {
        this(null, handler, options, server);
    }

    /**
     * @param container a container whose id and default link options the engine uses; it is not run; may be null
     * @param handler the handler for this connection's events
     * @param options the connection's options
     * @param server true to take the accepting side
     */
    public ConnectionEngine(Container container, MessagingHandler handler, ConnectionOptions options, boolean server) {
        if (handler == null) {
            throw new IllegalArgumentException("handler must not be null");
        }
        this.server = server;
        this.driver = new ConnectionDriver(new EngineContext(container, handler), options == null ? new ConnectionOptions()
                : options, server, host);
    }

    /**
     * @return the connection; {@code container()} of its objects is the container given, or null
     */
    public Connection connection() {
        return driver.connection();
    }

    /**
     * @return true for the accepting side
     */
    public boolean server() {
        return server;
    }

    /**
     * @return the buffer to put network input into (from its position, at most its remaining
     *         bytes), or null once input is closed
     */
    public ByteBuffer readBuffer() {
        ByteBuffer b = driver.io().inputBuffer();
        readStart = b == null ? -1 : b.position();
        return b;
    }

    /**
     * Processes input put into {@link #readBuffer()}.
     *
     * @param n how many bytes were put; if the buffer's position was not advanced, it is advanced by n
     */
    public void readDone(int n) {
        ByteBuffer b = driver.io().inputBuffer();
        if (b != null && readStart >= 0 && b.position() == readStart && n > 0) {
            b.position(readStart + n);
        }
        readStart = -1;
        driver.io().processInput();
    }

    /** The peer will send nothing more (end of stream). */
    public void readClose() {
        driver.io().inputClosed();
    }

    /**
     * @return the bytes to send to the peer (read them from its position), or null if there are none now
     */
    public ByteBuffer writeBuffer() {
        return driver.io().outputBuffer();
    }

    /**
     * @param n how many bytes of {@link #writeBuffer()} were sent
     */
    public void writeDone(int n) {
        driver.io().outputWritten(n);
    }

    /** The peer can take nothing more. */
    public void writeClose() {
        driver.io().disconnected("write side closed");
    }

    /**
     * @param description why the network connection was lost
     */
    public void disconnected(String description) {
        driver.io().disconnected(description);
    }

    /**
     * Runs the callbacks for everything that happened: wakes, queued work, protocol events, and
     * finally {@code onTransportClose}.
     *
     * @return false once the connection has finished (its last callback has run)
     */
    public boolean dispatch() {
        if (!opened) {
            opened = true;
            driver.transportOpened();
        }
        do {
            if (host.wakePending.getAndSet(false) && !driver.finished()) {
                driver.wakeCallback();
            }
            Runnable work;
            while ((work = host.work.poll()) != null) {
                work.run();
            }
            driver.dispatch();
        } while (!driver.finished() && (driver.needsDispatch() || !host.work.isEmpty()));
        if (driver.finished()) {
            host.finished = true;
        }
        return !driver.finished();
    }

    /**
     * @return true once the connection has finished
     */
    public boolean finished() {
        return driver.finished();
    }

    /**
     * Runs due scheduled work and the engine's idle-timeout checks.
     *
     * @param nowMillis a monotonic clock in milliseconds (never 0)
     * @return the next deadline in that clock, or 0 if there is none
     */
    public long tick(long nowMillis) {
        host.now = nowMillis;
        TimerQueue.Timer t;
        while ((t = host.timers.pollDue(nowMillis)) != null) {
            if (!driver.finished()) { // work scheduled on a connection that has finished never runs
                t.work().run();
            }
        }
        long deadline = driver.tick(nowMillis);
        long untilTimer = host.timers.untilNext(nowMillis);
        if (untilTimer >= 0 && (deadline == 0 || nowMillis + untilTimer - deadline < 0)) {
            deadline = nowMillis + untilTimer;
        }
        return deadline;
    }

    /** The engine's side of the driver: no threads, no checks; wakes and work are picked up by dispatch(). */
    private static final class Host implements DriverHost {
        final AtomicBoolean wakePending = new AtomicBoolean();
        final ConcurrentLinkedQueue<Runnable> work = new ConcurrentLinkedQueue<>();
        final TimerQueue timers = new TimerQueue();
        volatile boolean finished;
        long now;

        @Override
        public void checkAccess(String what) {
            // the application confines the engine; see the class documentation
        }

        @Override
        public void markDirty() {
            // the application calls dispatch() and writeBuffer() after acting on the connection
        }

        @Override
        public void wake() {
            wakePending.set(true);
        }

        @Override
        public boolean addWork(Runnable w) {
            if (finished) {
                return false;
            }
            work.add(w);
            return true;
        }

        @Override
        public WorkHandle schedule(Duration delay, Runnable w) {
            return timers.add(now + delay.toMillis(), w);
        }
    }
}
