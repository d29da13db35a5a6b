/**
 * jproton: the Qpid Proton C++ container and its event-handler API, in Java, on AMQP 1.0 (Proton-J
 * as the protocol engine). This module holds the public API ({@code io.jproton}), the provider SPI
 * ({@code io.jproton.spi}) and the single-threaded container; adding the module
 * {@code io.jproton.mt} (Maven artifact {@code container-mt}) to the module path makes
 * {@code new Container(handler)} multi-threaded, with no other change.
 *
 * <p>The internal packages are exported only to {@code io.jproton.mt}, which runs the same
 * connection driver on its worker threads. Bouncy Castle ({@code org.bouncycastle.pkix}) is
 * optional: an application that wants every PEM key form OpenSSL writes requires it in its own
 * module descriptor (or puts it on the class path of a non-modular application).
 */
module io.jproton {
    requires java.logging; // proton-j (an automatic module, which cannot say so itself) logs through java.util.logging
    requires java.naming; // LDAP names in certificate subjects
    requires static jdk.jfr; // the events of io.jproton.internal.events, made only where the runtime has it
    requires org.apache.qpid.proton.j;
    requires org.slf4j;
    requires static org.bouncycastle.pkix;
    requires static org.bouncycastle.provider;

    exports io.jproton;
    exports io.jproton.spi;
    exports io.jproton.internal.container to io.jproton.mt;
    exports io.jproton.internal.engine to io.jproton.mt;
    exports io.jproton.internal.io to io.jproton.mt;

    uses io.jproton.spi.ContainerProvider;
    provides io.jproton.spi.ContainerProvider with io.jproton.internal.st.SingleThreadedProvider;
}
