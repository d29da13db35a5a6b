/**
 * jproton's multi-threaded container: on the module path (Maven artifact {@code container-mt}) it
 * is the provider {@code new Container(handler)} chooses, running connections on worker threads
 * with per-connection serialized callbacks. It also holds the thread-safe, pooled senders of
 * {@code io.jproton.mt.pool} (on Apache Commons Pool 2).
 */
module io.jproton.mt {
    requires transitive io.jproton;
    requires transitive org.apache.commons.pool2; // SenderPool's configuration is a Commons Pool one
    requires org.slf4j;

    exports io.jproton.mt.pool;

    provides io.jproton.spi.ContainerProvider with io.jproton.internal.mt.MultiThreadedProvider;
}
