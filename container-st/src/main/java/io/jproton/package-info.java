/**
 * The jproton API: Proton C++'s container and event-handler API ({@code proton::container},
 * {@code proton::messaging_handler}, connections, sessions, links, messages), in Java, on AMQP 1.0.
 * Each type names the C++ type it mirrors; where a meaning differs, its Javadoc says so.
 *
 * <h2>Threading model</h2>
 * One API, two containers, chosen by dependency (or the system property {@code jproton.container}):
 * <ul>
 * <li><b>Single-threaded</b> ({@code container-st}, Proton's pre-C++11 mode): {@link io.jproton.Container#run()}
 * does all its work on the calling thread and creates no thread. Nothing is thread-safe except
 * {@link io.jproton.Connection#wake()}: call the API from callbacks, before {@code run()}, or from
 * another thread that holds the lock given to {@link io.jproton.Container#externalLock}, which
 * the loop honours; any other call throws {@link java.lang.IllegalStateException}.
 * <li><b>Multi-threaded</b> ({@code container-mt} on the class or module path): worker threads
 * run the connections; the callbacks of one connection are serialized (never two at once, each
 * seeing the effects of the one before), those of different connections run in parallel. From
 * other threads, work is handed to a connection through its {@link io.jproton.WorkQueue}, and
 * the container methods marked {@link io.jproton.ThreadSafe @ThreadSafe} may be called directly.
 * </ul>
 * A handler written for one runs unchanged on the other. Every public type states its own
 * thread-safety; objects handed to a callback (connections, links, deliveries, trackers) belong
 * to that connection's context and are used there.
 *
 * <h2>Errors</h2>
 * A callback that throws stops the container (as in C++): {@code run()} throws it. Nothing a peer
 * sends does: a protocol error, an undecodable message or a limit exceeded costs at most that
 * peer's connection or that one delivery, reported through the {@code on*Error} callbacks with an
 * AMQP error condition.
 *
 * <h2>Logging</h2>
 * Through SLF4J, under logger names per area ({@code io.jproton.connection}, {@code .transport},
 * {@code .reconnect}, {@code .sasl}, {@code .tls}, {@code .delivery}; frames at TRACE on
 * {@code io.jproton.frames}); a password never appears in a log line, an exception, a
 * {@code toString()} or a frame trace, nor does a URL's user-info (user names are logged alone, as
 * the user a connection authenticated as).
 */
package io.jproton;
