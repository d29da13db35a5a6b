package io.jproton.internal.engine;

import io.jproton.Delivery;
import io.jproton.ErrorCondition;
import org.slf4j.Logger;

/**
 * The log lines about single deliveries (logger {@code io.jproton.delivery}): what the default
 * callbacks of {@link io.jproton.MessagingHandler} report. Stateless; thread-safe.
 */
public final class DeliveryLog {
    private static final Logger LOG = Loggers.DELIVERY;

    private DeliveryLog() {}

    /**
     * A delivery whose message cannot be decoded, which is about to be rejected.
     *
     * @param delivery the delivery
     * @param error why it cannot be decoded
     */
    public static void undecodable(Delivery delivery, ErrorCondition error) {
        LOG.warn("rejecting a message that cannot be decoded, on {} of {}: {}", delivery.receiver(), delivery.connection(), error);
    }
}
