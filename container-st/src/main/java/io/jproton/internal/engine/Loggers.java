package io.jproton.internal.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jproton's SLF4J loggers, one per area a person looks at (the names are documented in the
 * {@code io.jproton} package overview). No line they log carries a password or a URL's user-info:
 * addresses are host and port, users are names only.
 */
public final class Loggers {
    /** Connections opened (DEBUG), closed (DEBUG), and closed by a protocol error (WARN). */
    public static final Logger CONNECTION = LoggerFactory.getLogger("io.jproton.connection");
    /** Sockets: connects, accepts, failures, listeners. */
    public static final Logger TRANSPORT = LoggerFactory.getLogger("io.jproton.transport");
    /** Each reconnect attempt (INFO), a reconnect that succeeded (INFO), giving up (WARN). */
    public static final Logger RECONNECT = LoggerFactory.getLogger("io.jproton.reconnect");
    /** SASL mechanism and outcome (DEBUG), never a password. */
    public static final Logger SASL = LoggerFactory.getLogger("io.jproton.sasl");
    /** TLS protocol, cipher and peer subject (DEBUG). */
    public static final Logger TLS = LoggerFactory.getLogger("io.jproton.tls");
    /** Deliveries we had to refuse (a message that cannot be decoded). */
    public static final Logger DELIVERY = LoggerFactory.getLogger("io.jproton.delivery");
    /** The container provider chosen (DEBUG). */
    public static final Logger CONTAINER = LoggerFactory.getLogger("io.jproton.container");
    /** What jproton needs of proton-j's internals, when a proton-j lacks it (DEBUG). */
    public static final Logger ENGINE = LoggerFactory.getLogger("io.jproton.engine");
    /** The sender pool of container-mt: a completion executor that refused work (WARN). */
    public static final Logger POOL = LoggerFactory.getLogger("io.jproton.pool");
    /** Every frame in and out, at TRACE (as {@code PN_TRACE_FRM=1}, through SLF4J). */
    public static final Logger FRAMES = LoggerFactory.getLogger("io.jproton.frames");

    private Loggers() {}
}
