package io.jproton.mt.pool;

import io.jproton.ConnectionOptions;
import io.jproton.SenderOptions;
import io.jproton.internal.container.Url;

/**
 * Where a {@link ThreadSafeSender} sends, and how: the pool's key. Each sender of a key has its own
 * connection to {@code url} and one link to {@code address} on it.
 *
 * <p>Equality: two keys are equal when their URLs and addresses are equal strings and their
 * options are the same objects (or both null). Options have no value equality, so keep one
 * options object per configuration and build keys from it (or keep the key itself). The options
 * are copied when a sender is opened: changing them afterwards changes nothing that is open.
 *
 * <p>{@link #toString()} never shows a password or the URL's user-info.
 *
 * <p>Thread-safety: immutable as far as it goes; the options it refers to must not be changed
 * while senders are being opened.
 *
 * @param url {@code [amqp[s]://][user[:password]@]host[:port]}, as {@link io.jproton.Container#connect(String)} takes
 * @param address the target address, as {@link io.jproton.Connection#openSender(String)} takes
 * @param connectionOptions options over the container's client defaults, or null; they must not
 *        set a handler (the sender's connection has its own), and set the reconnect behaviour
 *        ({@link ConnectionOptions#reconnect(io.jproton.ReconnectOptions)}) and limits such as
 *        {@link ConnectionOptions#maxUnsettled(int)}
 * @param senderOptions the link's options, or null; they must not set a handler
 */
public record SenderKey(String url, String address, ConnectionOptions connectionOptions, SenderOptions senderOptions) {
    /**
     * Checks the components.
     *
     * @param url the URL, not empty
     * @param address the target address, not null
     * @param connectionOptions options without a handler, or null
     * @param senderOptions options without a handler, or null
     * @throws IllegalArgumentException if the URL is null or empty, the address null, or an options
     *         object sets a handler
     */
    public SenderKey {
        if (url == null || url.isEmpty()) {
            throw new IllegalArgumentException("url must not be null or empty");
        }
        if (address == null) {
            throw new IllegalArgumentException("address must not be null");
        }
        if (connectionOptions != null && connectionOptions.handler() != null) {
            throw new IllegalArgumentException("the connection options of a pooled sender must not set a handler: "
                    + "the sender's connection has its own (its outcomes come through the futures of send)");
        }
        if (senderOptions != null && senderOptions.handler() != null) {
            throw new IllegalArgumentException("the sender options of a pooled sender must not set a handler: "
                    + "its outcomes come through the futures of send");
        }
    }

    /**
     * @param url the URL
     * @param address the target address
     * @return a key with the container's defaults for the connection and the link
     */
    public static SenderKey of(String url, String address) {
        return new SenderKey(url, address, null, null);
    }

    /**
     * @param url the URL
     * @param address the target address
     * @param connectionOptions options over the container's client defaults, or null
     * @return a key with the container's sender defaults
     */
    public static SenderKey of(String url, String address, ConnectionOptions connectionOptions) {
        return new SenderKey(url, address, connectionOptions, null);
    }

    /** @return {@code sender-key(URL without user-info, address[, options])}, no password */
    @Override
    public String toString() {
        return "sender-key(" + Url.redact(url) + ", " + address
                + (connectionOptions != null ? ", " + connectionOptions : "")
                + (senderOptions != null ? ", sender-options@" + Integer.toHexString(System.identityHashCode(senderOptions)) : "")
                + ")";
    }
}
