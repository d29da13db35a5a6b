package io.jproton;

/**
 * Callbacks of a {@link Listener}, as {@code proton::listen_handler}.
 *
 * <p>Threading: called in the container's context like a {@link MessagingHandler}; one listener's
 * callbacks never run concurrently.
 */
public interface ListenHandler {
    /**
     * The listener is open and bound.
     *
     * @param listener the listener
     */
    default void onOpen(Listener listener) {}

    /**
     * A connection is being accepted.
     *
     * @param listener the listener
     * @return the options for the accepted connection; null for the container's server defaults
     */
    default ConnectionOptions onAccept(Listener listener) {
        return null;
    }

    /**
     * Listening failed.
     *
     * @param listener the listener
     * @param error what went wrong
     */
    default void onError(Listener listener, String error) {}

    /**
     * The listener has closed.
     *
     * @param listener the listener
     */
    default void onClose(Listener listener) {}
}
