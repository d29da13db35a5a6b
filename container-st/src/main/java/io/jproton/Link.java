package io.jproton;

import java.util.Map;

/**
 * A sender or receiver, as {@code proton::link}.
 *
 * <p>Thread-safety: confined to its connection's context; see {@link Endpoint}.
 */
public interface Link extends Endpoint {
    /**
     * @return the link name
     */
    String name();

    /**
     * @return the credit: messages the sender may still send
     */
    int credit();

    /**
     * @return true while a drain is in progress
     */
    boolean draining();

    /**
     * @return the session the link belongs to
     */
    Session session();

    /**
     * @return the source terminus (the remote one once the peer has attached)
     */
    Source source();

    /**
     * @return the target terminus (the remote one once the peer has attached)
     */
    Target target();

    /**
     * @return the peer's link properties, possibly empty
     */
    Map<String, Object> properties();

    /**
     * @return the capabilities the peer offered in its attach, possibly empty
     */
    java.util.List<String> offeredCapabilities();

    /**
     * @return the capabilities the peer asked for in its attach, possibly empty
     */
    java.util.List<String> desiredCapabilities();

    /** Detaches the link without closing it. */
    void detach();
}
