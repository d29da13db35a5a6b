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
    private final EventLoop loop;
    private final Container container;
    private final ListenHandler handler;
    private final BiConsumer<ListenerImpl, SocketChannel> onAccept;
    private final Consumer<ListenerImpl> onClosed;
    private ServerSocketChannel channel;
    private SelectionKey key;
    private volatile int port = -1;
    private boolean closed;

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

    @Override
    public void onReady(int readyOps) {
        try {
            SocketChannel s;
            while (!closed && (s = channel.accept()) != null) {
                onAccept.accept(this, s);
            }
        } catch (IOException e) {
            // a failed accept (for example too many open files) loses only that connection attempt
            org.slf4j.LoggerFactory.getLogger(ListenerImpl.class).warn("accept on port {} failed: {}", port, e.toString());
        }
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
