package io.jproton.internal.engine;

import io.jproton.Container;
import io.jproton.MessagingHandler;
import io.jproton.ReceiverOptions;
import io.jproton.SenderOptions;

/**
 * What connection drivers need from their container: the public object, the default handler,
 * the default link options and unique link names. Implementations are thread-safe.
 */
public interface ContainerContext {
    /**
     * @return the public container
     */
    Container container();

    /**
     * @return the container's handler
     */
    MessagingHandler handler();

    /**
     * @return the container id
     */
    String id();

    /**
     * @return a copy of the default sender options
     */
    SenderOptions senderOptions();

    /**
     * @return a copy of the default receiver options
     */
    ReceiverOptions receiverOptions();

    /**
     * @return a link name unique within this container
     */
    String nextLinkName();

    /**
     * @return where connections count (read when a connection is made), or null to count nothing
     */
    default io.jproton.spi.MetricsRecorder metrics() {
        return null;
    }
}
