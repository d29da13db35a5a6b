package io.jproton.internal.io;

/** Something registered with an {@link EventLoop}'s selector. Confined to the loop's thread. */
interface Selectable {
    /**
     * @param readyOps the selection key's ready operations
     */
    void onReady(int readyOps);

    /**
     * Deregisters and closes a channel, quietly: a channel that fails to close is already broken,
     * and its owner reports that through its own error path.
     *
     * @param key the selection key, or null
     * @param channel the channel, or null
     */
    static void close(java.nio.channels.SelectionKey key, java.nio.channels.Channel channel) {
        if (key != null) {
            key.cancel();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (java.io.IOException e) {
                // nothing more to release
            }
        }
    }
}
