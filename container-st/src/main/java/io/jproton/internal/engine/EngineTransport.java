package io.jproton.internal.engine;

import io.jproton.ConnectionOptions;
import io.jproton.ErrorCondition;
import java.nio.ByteBuffer;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.engine.Transport;
import org.apache.qpid.proton.engine.TransportException;
import org.apache.qpid.proton.engine.impl.FrameHandler;
import org.slf4j.Logger;

/**
 * One proton-j transport of a connection, from its layers to its end: built with jproton's layers
 * (the {@link FrameGuard} on every incoming frame, the SASL and TLS layers, {@link IdleBuffers}),
 * it pumps bytes (input in, output out) and keeps how it ended: the one failure path
 * ({@link #fail}) for anything our own processing or proton-j throws on a peer's bytes, an I/O
 * error, an abort. A reconnect replaces the whole object, so nothing of a lost transport's end
 * carries over to the next.
 *
 * <p>Not thread-safe: confined to the connection's context, as its {@link ConnectionDriver}.
 */
public final class EngineTransport {
    private static final Logger LOG = Loggers.CONNECTION;
    /** proton-j's description when it closes a connection whose peer fell silent. */
    private static final String IDLE_TIMEOUT_EXPIRED = "local-idle-timeout expired";

    private final Transport transport;
    private final org.apache.qpid.proton.engine.Connection engineConnection;
    private final FrameGuard guard;
    private final MidTransferSettlement midTransfer = new MidTransferSettlement();
    private final IdleBuffers idleBuffers = new IdleBuffers();
    private final SaslSetup sasl;
    private final ConnectionMetrics metrics;
    /** The connection, for log lines. */
    private final Object owner;
    /** Run after each batch of input: the driver acts on what the guard found. */
    private final Runnable afterInput;
    /** Our own processing of this connection failed: no more input is taken. */
    private boolean failed;
    /** proton-j failed while producing output: the output is over. */
    private boolean outputBroken;
    /** The error the transport ended with, where it was not proton-j's own condition. */
    private ErrorCondition ioError;
    /** Closed at once, without a close handshake (the container stopped). */
    private boolean aborted;
    /** The transport ended without a close in the TLS handshake (a certificate refused, or no TLS peer). */
    private boolean tlsHandshakeFailed;
    /** The transport ended without a close frame and without an I/O error, after the TLS handshake. */
    private boolean endedUnexpectedly;

    /**
     * Builds the transport and its layers and binds it to the engine connection.
     *
     * @param engineConnection the engine connection it carries
     * @param options the connection's options (limits, frame size, sessions, idle timeout)
     * @param traceName the name frame traces carry
     * @param sasl the connection's SASL layer
     * @param tls the connection's TLS layer
     * @param metrics counts bytes out; null for none
     * @param owner the connection, for log lines
     * @param afterInput run after each batch of input
     */
    EngineTransport(org.apache.qpid.proton.engine.Connection engineConnection, ConnectionOptions options, String traceName,
                    SaslSetup sasl, TlsSetup tls, ConnectionMetrics metrics, Object owner, Runnable afterInput) {
        this.engineConnection = engineConnection;
        this.sasl = sasl;
        this.metrics = metrics;
        this.owner = owner;
        this.afterInput = afterInput;
        transport = Proton.transport();
        // every frame the peer sends passes the guard before proton-j handles it
        guard = new FrameGuard((FrameHandler) transport, transport, ConnectionDriver.maxLinks(options),
                ConnectionDriver.maxMessageSize(options), midTransfer);
        ((org.apache.qpid.proton.engine.impl.TransportImpl) transport).setFrameHandler(guard);
        transport.setEmitFlowEventOnSend(false); // as proton-c: onSendable follows the peer's flow frames, not our own sends
        transport.setChannelMax(ConnectionOptions.DEFAULT_MAX_SESSIONS - 1); // unless the options say otherwise
        FrameTrace.install(transport, traceName + "/" + Integer.toHexString(System.identityHashCode(transport)));
        apply(options);
        // innermost: right on proton-j's frame parser and output
        ((org.apache.qpid.proton.engine.impl.TransportInternal) transport).addTransportLayer(idleBuffers);
        // proton-j stacks each layer on the ones set up before it: SASL first, so that TLS is the
        // outermost layer and SASL (PLAIN passwords too) runs inside it, as in every other AMQP stack
        sasl.configure(transport);
        tls.configure(transport);
    }

    /** Binds the transport to its connection: from now on it carries that connection's frames. */
    void bind() {
        transport.bind(engineConnection);
    }

    /** @return proton-j's transport */
    Transport engine() {
        return transport;
    }

    /** @return the guard on the peer's frames */
    FrameGuard guard() {
        return guard;
    }

    /**
     * Applies the options' transport settings: max frame size, max sessions, idle timeout.
     *
     * @param o the options
     */
    void apply(ConnectionOptions o) {
        if (o.maxFrameSize() != null && o.maxFrameSize() != transport.getMaxFrameSize()) {
            try {
                transport.setMaxFrameSize(o.maxFrameSize());
            } catch (IllegalStateException e) { // proton-j sizes its frame buffers when the transport is set up
                if (!ProtonJInternals.lowerAdvertisedMaxFrameSize(transport, o.maxFrameSize())) {
                    LOG.warn("{}: max frame size {} ignored: the open frame has gone out or the size is larger than the {} the"
                            + " connection was made with; give it in the options the connection is made with (Container.connect,"
                            + " a listener's onAccept, the ConnectionEngine)", owner, o.maxFrameSize(), transport.getMaxFrameSize());
                }
            }
        }
        if (o.maxSessions() != null) transport.setChannelMax(o.maxSessions() - 1);
        if (o.idleTimeout() != null) transport.setIdleTimeout((int) o.idleTimeout().toMillis());
    }

    // ---- input

    /**
     * @return the buffer to read network input into; null once input is closed
     */
    public ByteBuffer inputBuffer() {
        return !failed && transport.capacity() > 0 ? transport.tail() : null;
    }

    /**
     * @return how much input the transport can take now; negative once input is closed
     */
    public int inputCapacity() {
        return failed ? -1 : transport.capacity();
    }

    /**
     * Processes what was put into {@link #inputBuffer()}. Whatever the bytes are, this returns
     * normally: a protocol violation, a limit exceeded or a failure inside proton-j closes the
     * connection with a condition, which the driver's dispatch reports.
     */
    public void processInput() {
        if (failed) {
            return;
        }
        try {
            transport.process();
        } catch (TransportException e) {
            // proton-j records the condition and closes the transport; dispatch() reports it.
        } catch (RuntimeException e) {
            fail(new ErrorCondition("amqp:connection:framing-error", "cannot process the peer's input: " + describe(e)), e);
        }
        afterInput.run();
    }

    /** The peer closed its side, or reading failed. */
    public void inputClosed() {
        if (!failed && transport.capacity() >= 0) {
            try {
                transport.close_tail();
            } catch (TransportException e) {
                // recorded by proton-j
            } catch (RuntimeException e) {
                fail(new ErrorCondition("amqp:connection:framing-error", "cannot process the end of the peer's input: " + describe(e)), e);
            }
        }
    }

    /**
     * @return true once the transport will take no more input
     */
    public boolean inputIsClosed() {
        return failed || transport.capacity() < 0;
    }

    // ---- output

    /**
     * @return the bytes to write, or null if there are none now; see {@link #outputClosed()}
     */
    public ByteBuffer outputBuffer() {
        return pending() > 0 ? transport.head() : null;
    }

    /** @return proton-j's pending output: bytes, 0, or negative once the output is over */
    int pending() {
        if (outputBroken) {
            return -1;
        }
        try {
            return transport.pending();
        } catch (RuntimeException e) {
            outputBroken = true;
            fail(new ErrorCondition("amqp:internal-error", "cannot produce output: " + describe(e)), e);
            return -1;
        }
    }

    /**
     * @param n how many bytes of {@link #outputBuffer()} were written
     */
    public void outputWritten(int n) {
        transport.pop(n);
        if (metrics != null && n > 0) {
            metrics.bytesOut(n);
        }
        try {
            midTransfer.afterOutput((FrameHandler) transport);
        } catch (RuntimeException e) {
            fail(new ErrorCondition("amqp:internal-error", "cannot settle a delivery after sending it: " + describe(e)), e);
        }
    }

    /**
     * Notes a delivery just sent, which may span frames (see {@link MidTransferSettlement}).
     *
     * @param d the delivery
     * @param bytes its size
     */
    void sent(org.apache.qpid.proton.engine.Delivery d, int bytes) {
        midTransfer.sent(d, bytes, transport.getRemoteMaxFrameSize());
    }

    /**
     * @return true once the transport will never produce more output
     */
    public boolean outputClosed() {
        return pending() < 0;
    }

    /**
     * Gives back the transport's frame buffers if they hold no bytes now; proton-j allocates them
     * again when the next bytes come or go. For connections that have been idle a while.
     *
     * @return how many bytes were given back
     */
    public int releaseIdleBuffers() {
        return idleBuffers.release();
    }

    /** @return true once the transport has ended in both directions */
    boolean ended() {
        return inputIsClosed() && outputClosed();
    }

    /**
     * Ends the output once the input is over and the output has nothing left to send: nothing the
     * peer can do will make more of it. Without this a transport whose peer left before the AMQP
     * header (proton-j then waits for it forever) would keep its socket open.
     */
    void endOutputIfSpent() {
        if (inputIsClosed() && pending() == 0) {
            transport.close_head();
        }
    }

    // ---- timers

    /**
     * Advances timers: idle-timeout checks and heartbeats.
     *
     * @param nowMillis a monotonic clock in milliseconds
     * @return the next deadline in the same clock, or 0 for none
     */
    long tick(long nowMillis) {
        if (failed) {
            return 0;
        }
        long deadline;
        try {
            deadline = transport.tick(nowMillis);
        } catch (RuntimeException e) {
            fail(new ErrorCondition("amqp:internal-error", "cannot advance the connection's timers: " + describe(e)), e);
            return 0;
        }
        org.apache.qpid.proton.amqp.transport.ErrorCondition local = engineConnection.getCondition();
        if (ioError == null && local != null && IDLE_TIMEOUT_EXPIRED.equals(local.getDescription())) {
            // the engine closed for a local idle timeout: report that, not the "connection aborted" it leaves behind
            ioError = Conditions.fromEngine(local);
        }
        return deadline;
    }

    // ---- the end

    /**
     * Our own processing of this connection failed (never the application's): the connection
     * closes with the condition (a close frame carries it where the output still works), takes no
     * more input, and reports {@code onTransportError}. The container and its other connections go on.
     *
     * @param condition why
     * @param cause what was thrown, logged; may be null
     */
    void fail(ErrorCondition condition, Throwable cause) {
        if (failed) {
            return;
        }
        failed = true;
        if (cause != null) {
            LOG.warn("closing {}: {}", owner, condition, cause);
        } else {
            LOG.warn("closing {}: {}", owner, condition);
        }
        if (ioError == null) {
            ioError = condition;
        }
        try {
            transport.setCondition(Conditions.toEngine(condition));
        } catch (RuntimeException e) {
            outputBroken = true; // no close frame then: the socket just closes
        }
    }

    /**
     * The network connection failed or was lost. The transport closes with this error unless it
     * already closed cleanly.
     *
     * @param description what went wrong, such as "connection refused"
     */
    public void disconnected(String description) {
        if (!transport.isClosed() && transport.getCondition() == null) {
            lost(new ErrorCondition("proton:io", description));
        } else {
            lost(null);
        }
    }

    /**
     * The transport is lost with this error, as if the network had failed.
     *
     * @param condition the error the transport reports
     */
    void lost(ErrorCondition condition) {
        if (ioError == null) {
            ioError = condition;
        }
        inputClosed();
        transport.close_head();
    }

    /**
     * Closes the transport at once without a close handshake; used when the container is stopped.
     *
     * @param condition the error to report, or null
     */
    public void abort(ErrorCondition condition) {
        aborted = true;
        ioError = condition;
        inputClosed();
        transport.close_head();
    }

    /** @return true if {@link #abort} ended the transport */
    boolean aborted() {
        return aborted;
    }

    /**
     * The transport ended without a close while the connection was still wanted: records how.
     *
     * @param inTlsHandshake true if it ended in the TLS handshake
     * @param condition the error to report
     */
    void endedWithoutClose(boolean inTlsHandshake, ErrorCondition condition) {
        tlsHandshakeFailed = inTlsHandshake;
        endedUnexpectedly = !inTlsHandshake;
        ioError = condition;
    }

    /** @return true if the transport ended because the TLS handshake failed (a certificate refused, or no TLS peer) */
    public boolean tlsHandshakeFailed() {
        return tlsHandshakeFailed;
    }

    /** @return true if the transport just ended, with no close frame and no I/O error (the peer went away) */
    public boolean endedUnexpectedly() {
        return endedUnexpectedly;
    }

    /** @return true if our own processing closed the connection with an error (logged then, with its cause) */
    public boolean failedByUs() {
        return failed;
    }

    /** @return the error the transport closed with (an authentication failure first), or null */
    public ErrorCondition error() {
        if (aborted) {
            return ioError;
        }
        ErrorCondition authentication = sasl.failure(); // before an I/O error: a server may drop us to refuse
        if (authentication != null) {
            return authentication;
        }
        if (ioError != null) {
            return ioError;
        }
        return Conditions.fromEngine(transport.getCondition());
    }

    static String describe(Throwable e) {
        return e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.toString();
    }
}
