package io.jproton.internal.engine;

import org.apache.qpid.proton.amqp.security.SaslFrameBody;
import org.apache.qpid.proton.amqp.security.SaslInit;
import org.apache.qpid.proton.amqp.security.SaslResponse;
import org.apache.qpid.proton.engine.Transport;
import org.apache.qpid.proton.engine.impl.ProtocolTracer;
import org.apache.qpid.proton.engine.impl.TransportImpl;
import org.apache.qpid.proton.framing.TransportFrame;
import org.slf4j.Logger;

/**
 * The frame trace: every frame a connection sends and receives, at TRACE on the SLF4J logger
 * {@code io.jproton.frames}, as Proton's {@code PN_TRACE_FRM} shows them but with the SASL
 * responses masked (a PLAIN initial response holds the password; SCRAM's hold proofs). With the
 * environment variable {@code PN_TRACE_FRM} set (to {@code 1}, {@code true}, {@code yes} or
 * {@code on}, as Proton C++ reads it) the same lines also go to standard error, as C++ prints them.
 * proton-j's own {@code PN_TRACE_FRM} printing, which shows SASL responses in clear on standard
 * output, is turned off.
 *
 * <p>Thread-safety: one per transport, confined to its connection's context.
 */
final class FrameTrace implements ProtocolTracer {
    private static final Logger LOG = Loggers.FRAMES;
    /** Proton's environment switch for printing frames, read once. */
    private static final boolean PN_TRACE_FRM = envTrue(System.getenv("PN_TRACE_FRM"));
    private final String id;

    private FrameTrace(String id) {
        this.id = id;
    }

    /**
     * Turns off proton-j's own frame printing, and traces frames if the logger is at TRACE.
     *
     * @param transport a new transport
     * @param id what the trace lines name the connection by
     */
    static void install(Transport transport, String id) {
        transport.trace(0);
        if ((LOG.isTraceEnabled() || PN_TRACE_FRM) && transport instanceof TransportImpl t) {
            t.setProtocolTracer(new FrameTrace(id));
        }
    }

    /** @return true for the values Proton's {@code pn_env_bool} takes as true */
    static boolean envTrue(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes")
                || value.equalsIgnoreCase("on"));
    }

    private void line(int channel, String direction, Object body) {
        String text = "[" + id + ":" + channel + "] " + direction + " " + body;
        LOG.trace(text);
        if (PN_TRACE_FRM) {
            System.err.println(text);
        }
    }

    @Override
    public void receivedFrame(TransportFrame frame) {
        line(frame.getChannel(), "<-", frame.getBody());
    }

    @Override
    public void sentFrame(TransportFrame frame) {
        line(frame.getChannel(), "->", frame.getBody());
    }

    @Override
    public void receivedSaslBody(SaslFrameBody body) {
        line(0, "<-", masked(body));
    }

    @Override
    public void sentSaslBody(SaslFrameBody body) {
        line(0, "->", masked(body));
    }

    @Override
    public void receivedHeader(String header) {
        line(0, "<-", header);
    }

    @Override
    public void sentHeader(String header) {
        line(0, "->", header);
    }

    /** @return the frame as text, with what a client proves itself with replaced by its length */
    static String masked(SaslFrameBody body) {
        if (body instanceof SaslInit init) {
            int n = init.getInitialResponse() == null ? 0 : init.getInitialResponse().getLength();
            return "SaslInit{mechanism=" + init.getMechanism() + ", initialResponse=<" + n + " bytes, masked>, hostname='"
                    + init.getHostname() + "'}";
        }
        if (body instanceof SaslResponse r) {
            int n = r.getResponse() == null ? 0 : r.getResponse().getLength();
            return "SaslResponse{response=<" + n + " bytes, masked>}";
        }
        return String.valueOf(body);
    }
}
