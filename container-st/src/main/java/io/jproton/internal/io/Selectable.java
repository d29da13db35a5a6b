package io.jproton.internal.io;

/** Something registered with an {@link EventLoop}'s selector. Confined to the loop's thread. */
interface Selectable {
    /**
     * @param readyOps the selection key's ready operations
     */
    void onReady(int readyOps);
}
