package io.jproton.internal.engine;

import io.jproton.Container;
import io.jproton.MessagingHandler;
import io.jproton.ReceiverOptions;
import io.jproton.SenderOptions;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The container context of a connection engine that an application drives itself: the engine's
 * handler, and the defaults of a {@link Container} if one was given. Thread-safe.
 */
public final class EngineContext implements ContainerContext {
    private final Container container;
    private final MessagingHandler handler;
    private final String id;
    private final AtomicLong links = new AtomicLong();

    /**
     * @param container a container for ids and default options, or null
     * @param handler the handler
     */
    public EngineContext(Container container, MessagingHandler handler) {
        this.container = container;
        this.handler = handler;
        this.id = container != null ? container.id() : UUID.randomUUID().toString();
    }

    @Override
    public Container container() {
        return container;
    }

    @Override
    public MessagingHandler handler() {
        return handler;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public SenderOptions senderOptions() {
        return container != null ? container.senderOptions() : new SenderOptions();
    }

    @Override
    public ReceiverOptions receiverOptions() {
        return container != null ? container.receiverOptions() : new ReceiverOptions();
    }

    @Override
    public String nextLinkName() {
        return id + "-" + links.incrementAndGet();
    }
}
