package io.jproton.internal.io;

import io.jproton.Container;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A listening socket on an {@link EventLoop}. Binds at once (so {@link #port()} is known when
 * {@code listen} returns) and accepts on the loop.
 *
 * <p>Thread-safety: {@link #port()} is thread-safe, and so is {@link #stop()} in the
 * multi-threaded container; the rest is confined to the loop.
 */
public final class ListenerImpl implements Listener, Selectable {
    private static final org.slf4j.Logger LOG = io.jproton.internal.engine.Loggers.TRANSPORT;
    /** Connections accepted per loop turn at most, so that a flood of connects does not starve the loop's other work. */
    static final int MAX_ACCEPTS_PER_TURN = 64;
    /** The first and the longest pause in accepting after an accept failed (out of file descriptors, say). */
    private static final long FIRST_BACKOFF_MILLIS = 50;
    private static final long MAX_BACKOFF_MILLIS = 1000;
    /** A repeated warning (refused connections, failed accepts) is logged at most this often. */
    private static final long WARN_EVERY_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
    private final EventLoop loop;
    private final Container container;
    private final ListenHandler handler;
    private final BiConsumer<ListenerImpl, SocketChannel> onAccept;
    private final Consumer<ListenerImpl> onClosed;
    private ServerSocketChannel channel;
    private SelectionKey key;
    private volatile int port = -1;
    private boolean closed;
    /** Accepted connections of this listener that have not finished (thread-safe: they finish on any loop). */
    private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
    private long backoffMillis;
    private long lastAcceptWarning = System.nanoTime() - WARN_EVERY_NANOS;
    private long lastRefusalWarning = System.nanoTime() - WARN_EVERY_NANOS;

    /**
     * @param loop the loop that accepts
     * @param container the container
     * @param handler the listen handler
     * @param onAccept gets each accepted socket
     * @param onClosed called once the listener has closed
     */
    public ListenerImpl(EventLoop loop, Container container, ListenHandler handler,
                        BiConsumer<ListenerImpl, SocketChannel> onAccept, Consumer<ListenerImpl> onClosed) {
        this.loop = loop;
        this.container = container;
        this.handler = handler;
        this.onAccept = onAccept;
        this.onClosed = onClosed;
    }

    /**
     * @return the listen handler
     */
    public ListenHandler handler() {
        return handler;
    }

    /**
     * Binds and registers; reports the outcome to the handler on the loop.
     *
     * @param host the host, empty for every interface
     * @param port the port, 0 for an ephemeral one
     */
    public void bind(String host, int port) {
        try {
            channel = ServerSocketChannel.open();
            channel.configureBlocking(false);
            channel.bind(host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port), 1024);
            this.port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            loop.runOrExecute(this::register);
        } catch (IOException | RuntimeException e) {
            String error = "listen on " + (host.isEmpty() ? "*" : host) + ":" + port + " failed: " + e.getMessage();
            closeChannel();
            loop.execute(() -> {
                try {
                    handler.onError(this, error);
                } finally {
                    close();
                }
            });
        }
    }

    private void register() {
        if (closed) {
            return;
        }
        try {
            key = channel.register(loop.selector(), SelectionKey.OP_ACCEPT, this);
        } catch (IOException e) {
            String error = "listen on port " + port + " failed: " + e.getMessage();
            loop.execute(() -> {
                try {
                    handler.onError(this, error);
                } finally {
                    close();
                }
            });
            return;
        }
        loop.execute(() -> {
            if (!closed) {
                handler.onOpen(this);
            }
        });
    }

    /**
     * Accepts what is waiting, at most {@link #MAX_ACCEPTS_PER_TURN} per turn. A failed accept (for
     * example, the process is out of file descriptors) pauses accepting, 50 ms at first and doubling
     * to a second while it keeps failing, instead of retrying at once and spinning; the warning is
     * logged once a minute at most.
     */
    @Override
    public void onReady(int readyOps) {
        try {
            SocketChannel s;
            for (int i = 0; i < MAX_ACCEPTS_PER_TURN && !closed && (s = channel.accept()) != null; i++) {
                backoffMillis = 0;
                onAccept.accept(this, s);
            }
        } catch (IOException e) {
            backoffMillis = backoffMillis == 0 ? FIRST_BACKOFF_MILLIS : Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
            long now = System.nanoTime();
            if (now - lastAcceptWarning >= WARN_EVERY_NANOS) {
                lastAcceptWarning = now;
                LOG.warn("accept on port {} failed: {}; accepting pauses for up to {} ms at a time while it fails", port, e.toString(),
                        MAX_BACKOFF_MILLIS);
            }
            pauseAccepting(backoffMillis);
        }
    }

    private void pauseAccepting(long millis) {
        if (key == null || !key.isValid()) {
            return;
        }
        key.interestOps(0);
        loop.schedule(java.time.Duration.ofMillis(millis), () -> {
            if (!closed && key.isValid()) {
                key.interestOps(SelectionKey.OP_ACCEPT);
            }
        });
    }

    /**
     * Counts an accepted connection against the listener's limit. Confined to the loop.
     *
     * @param max the most connections this listener keeps open
     * @return true if the connection may be kept; false if it must be closed (the limit is reached)
     */
    public boolean admit(int max) {
        if (open.get() >= max) {
            long now = System.nanoTime();
            if (now - lastRefusalWarning >= WARN_EVERY_NANOS) {
                lastRefusalWarning = now;
                LOG.warn("listener on port {} refuses connections: it has {} open, its limit (ConnectionOptions.maxConnections)",
                        port, max);
            }
            return false;
        }
        open.incrementAndGet();
        return true;
    }

    /** An admitted connection has finished. Thread-safe. */
    public void connectionFinished() {
        open.decrementAndGet();
    }

    /**
     * @return connections of this listener that have not finished; thread-safe
     */
    public int openConnections() {
        return open.get();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void stop() {
        loop.checkThreadSafeCall("Listener.stop");
        loop.runOrExecute(this::close);
    }

    /**
     * @return the loop that accepts
     */
    public EventLoop loop() {
        return loop;
    }

    /** Closes the socket and reports {@code onClose} once. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeChannel();
        try {
            handler.onClose(this);
        } finally {
            onClosed.accept(this);
        }
    }

    private void closeChannel() {
        Selectable.close(key, channel);
    }

    @Override
    public Container container() {
        return container;
    }

    @Override
    public String toString() {
        return "listener(port " + port + ")";
    }
}
