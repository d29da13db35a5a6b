package io.jproton.internal.io;

/**
 * Who may touch what, and which calls are thread-safe: the one scheduling difference between the
 * single- and the multi-threaded container, as a strategy that every {@link EventLoop} is given
 * (Vert.x 5 folds its threading models into one context and a small executor strategy the same
 * way). Everything else (the loop, the connection driver, the container's bookkeeping and its
 * lifecycle) is shared.
 *
 * <ul>
 *   <li>{@link #LOOP} (container-st, Proton C++'s single-threaded container): a loop's objects are
 *       the loop's thread's, or any thread's while no thread runs the loop; container calls and
 *       work queues are confined the same way.
 *   <li>{@link #CONNECTION} (container-mt): a connection's objects belong to that connection's own
 *       context (its callbacks and its work), even on its loop's thread; container calls, work
 *       queues and {@code Listener.stop} are thread-safe.
 * </ul>
 * A thread holding the container's external lock is let through by the loop under either model,
 * before the strategy is asked.
 *
 * <p>Thread-safety: implementations are stateless and thread-safe.
 */
public interface Confinement {
    /** The single-threaded container's model. */
    Confinement LOOP = new LoopConfinement();
    /** The multi-threaded container's model. */
    Confinement CONNECTION = new ConnectionConfinement();

    /**
     * @param loop the loop that runs the objects
     * @param owner the connection (its context object) the objects belong to, or null for the
     *        container's and the loop's own
     * @return true if the calling thread may touch them now
     */
    boolean admits(EventLoop loop, Object owner);

    /**
     * @param loop the loop the work is for
     * @return true if work handed to the loop by the calling thread may run at once, on the calling
     *         thread, instead of being queued to the loop
     */
    boolean mayRunInline(EventLoop loop);

    /**
     * @return true if the objects of a connection that is not (or no longer) run by its loop may be
     *         touched by any thread: one its creator has not yet handed to the loop, or one that has
     *         finished; false if they stay as confined as the loop's other objects
     */
    boolean freesUnrunConnections();

    /**
     * @return true if container calls, work queue calls and {@code Listener.stop} are thread-safe;
     *         false if they are confined as a loop's objects are
     */
    boolean threadSafeCalls();

    /**
     * @param what the method being called
     * @param loop the loop that runs the objects
     * @param owner as for {@link #admits}
     * @param remedy what the caller should do instead
     * @return the refusal to throw: names the thread, the context it is outside of, and the remedy
     */
    default IllegalStateException refusal(String what, EventLoop loop, Object owner, String remedy) {
        Thread t = loop.thread();
        return new IllegalStateException(what + " called from thread '" + Thread.currentThread().getName()
                + "', outside the container's context (thread '" + (t == null ? "none" : t.getName()) + "'): " + remedy);
    }
}
