package io.jproton.internal.engine;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the AMQP engine (proton-j, which logs through {@code java.util.logging}) logs to
 * SLF4J, under the engine's own logger names, so that jproton logs through SLF4J only. Only the
 * engine's loggers are touched; the application's {@code java.util.logging} setup is not.
 *
 * <p>Thread-safety: thread-safe; installed once.
 */
final class EngineLogging extends Handler {
    private static final String ENGINE = "org.apache.qpid.proton";
    /** Kept strongly: java.util.logging holds loggers weakly, and the configuration must stay. */
    private static final Logger ENGINE_LOGGER = Logger.getLogger(ENGINE);
    private static final java.util.logging.Formatter FORMAT = new java.util.logging.SimpleFormatter();

    static {
        ENGINE_LOGGER.setUseParentHandlers(false);
        ENGINE_LOGGER.addHandler(new EngineLogging());
        org.slf4j.Logger engine = LoggerFactory.getLogger(ENGINE);
        ENGINE_LOGGER.setLevel(engine.isTraceEnabled() ? Level.ALL : engine.isDebugEnabled() ? Level.FINE : Level.INFO);
    }

    private EngineLogging() {}

    /** Makes sure the bridge is in place. */
    static void install() {
        // the static initialiser has run
    }

    @Override
    public void publish(LogRecord r) {
        org.slf4j.Logger log = LoggerFactory.getLogger(r.getLoggerName() == null ? ENGINE : r.getLoggerName());
        String message = FORMAT.formatMessage(r); // fills in the record's parameters, if any
        int level = r.getLevel().intValue();
        if (level >= Level.SEVERE.intValue()) {
            log.error(message, r.getThrown());
        } else if (level >= Level.WARNING.intValue()) {
            log.warn(message, r.getThrown());
        } else if (level >= Level.INFO.intValue()) {
            log.info(message, r.getThrown());
        } else if (level >= Level.FINE.intValue()) {
            log.debug(message, r.getThrown());
        } else {
            log.trace(message, r.getThrown());
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
