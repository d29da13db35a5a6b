package io.jproton.internal.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.concurrent.locks.Lock;
import java.util.function.BooleanSupplier;

/**
 * The I/O half of an {@link EventLoop}: one NIO {@link Selector}, the wait for I/O (with the
 * external lock let go while it waits), the wake-up that ends a wait early, and the dispatch of the
 * ready channels to their {@link Selectable}s. Timers, queued work and connection contexts are the
 * loop's business, not this class's.
 *
 * <p>Thread-safety: {@link #wakeup()} is thread-safe; everything else is called by the thread that
 * runs the loop.
 */
final class LoopSelector {
    static {
        // The JDK sets up its socket-closing machinery (sun.nio.ch.FileDispatcherImpl, which opens a
        // descriptor of its own) on the first close of a socket. Were that first close to come while
        // the process is out of file descriptors (a flood of connections), it would fail for good and
        // take the loop down: close one socket now, while descriptors are there.
        try {
            java.nio.channels.SocketChannel.open().close();
        } catch (IOException e) {
            // nothing to prepare then; a loop will report its own failures
        }
    }

    private final Selector selector;
    private final WakeupLatch latch = new WakeupLatch();

    LoopSelector() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    /** @return the selector, for channels to register with */
    Selector selector() {
        return selector;
    }

    /**
     * Waits for I/O, a wake-up or the time to pass, with the external lock released meanwhile.
     *
     * @param waitNanos how long at most: 0 to only poll, negative for no limit
     * @param workWaiting checked after the loop has announced that it waits: true if there is work
     *        already, and the wait must not block
     * @param externalLock the lock the loop's thread holds, let go while it waits; or null
     */
    void await(long waitNanos, BooleanSupplier workWaiting, Lock externalLock) {
        long wait = waitNanos;
        if (latch.beforeWait() || workWaiting.getAsBoolean()) {
            wait = 0;
        }
        if (externalLock != null) {
            externalLock.unlock();
        }
        try {
            if (wait == 0) {
                selector.selectNow();
            } else if (wait < 0) {
                selector.select();
            } else {
                selector.select(Math.max(1, (wait + 999_999) / 1_000_000));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("selector failed", e);
        } finally {
            latch.afterWait();
            if (externalLock != null) {
                externalLock.lock();
            }
        }
    }

    /**
     * Hands each channel that the last {@link #await} found ready to its {@link Selectable}, in the
     * context of that target (as {@link EventLoop#callback}, without a lambda per ready key).
     *
     * @param loop the loop whose contexts the targets run in
     */
    void dispatchReady(EventLoop loop) {
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            if (key.isValid()) {
                Selectable target = (Selectable) key.attachment();
                loop.runAs(target, key.readyOps());
            }
        }
    }

    /**
     * Thread-safe: makes a waiting {@link #await} return soon, or the next one not block. Costs a
     * system call only when the loop is waiting.
     */
    void wakeup() {
        if (latch.wake()) {
            selector.wakeup();
        }
    }

    /** Closes the selector, which releases the channels deregistered during the run. */
    void close() {
        try {
            selector.close();
        } catch (IOException e) {
            // nothing left to do with a selector that fails to close
        }
    }
}
