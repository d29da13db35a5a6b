package io.jproton.internal.engine;

import io.jproton.ErrorCondition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.apache.qpid.proton.amqp.transport.Attach;
import org.apache.qpid.proton.amqp.transport.Begin;
import org.apache.qpid.proton.amqp.transport.Close;
import org.apache.qpid.proton.amqp.transport.Detach;
import org.apache.qpid.proton.amqp.transport.Disposition;
import org.apache.qpid.proton.amqp.transport.EmptyFrame;
import org.apache.qpid.proton.amqp.transport.End;
import org.apache.qpid.proton.amqp.transport.Flow;
import org.apache.qpid.proton.amqp.transport.FrameBody;
import org.apache.qpid.proton.amqp.transport.Open;
import org.apache.qpid.proton.amqp.transport.Role;
import org.apache.qpid.proton.amqp.transport.Transfer;
import org.apache.qpid.proton.codec.DecodeException;
import org.apache.qpid.proton.engine.TransportConditionException;
import org.apache.qpid.proton.engine.TransportException;
import org.apache.qpid.proton.engine.impl.FrameHandler;
import org.apache.qpid.proton.framing.TransportFrame;

/**
 * Checks every AMQP frame the peer sends against the protocol state and the connection's limits
 * before proton-j handles it, and keeps proton-j's own failures inside that one connection.
 *
 * <p>proton-j ignores many protocol violations silently (a transfer on a channel that was never
 * begun), fails on others with whatever exception its code meets ({@code NullPointerException},
 * {@code ClassCastException}, {@code IllegalStateException}), and re-enters its own frame parser
 * for an attach above its handle-max. This guard sits between proton-j's frame parser and its
 * transport (as the transport's frame handler) and, as Proton C++ does, closes the connection
 * with a precise condition instead: it turns a violation into the parser's own decode-error path
 * (so the parser stops cleanly) and then reports the precise condition to the transport, whose
 * close frame carries it. Whatever proton-j still throws while handling a frame becomes
 * {@code amqp:connection:framing-error} the same way.
 *
 * <p>It also keeps the limits that bound what one peer can make the connection hold: links
 * attached at once, the bytes of one incomplete incoming message, and of all of them together.
 * A message over its size stops growing here (its further payload is dropped before proton-j
 * keeps it) and its link is reported for the driver to close.
 *
 * <p>The guard tracks the peer's view only: channels the peer began, handles it attached, and
 * the delivery each of its sending links is in the middle of. Confined to the connection's context.
 */
final class FrameGuard implements FrameHandler {
    /** The handle-max proton-j 0.35 advertises in every begin (it has no setting for it). */
    static final long ENGINE_HANDLE_MAX = 65535;

    private final FrameHandler engine;
    private final MidTransferSettlement midTransfer;
    private final org.apache.qpid.proton.engine.Transport transport;
    private final int maxLinks;
    private final long maxMessageSize;
    private final Map<Integer, SessionState> sessions = new HashMap<>();
    private final List<Oversized> oversized = new ArrayList<>(0);
    private boolean opened;
    /** The session and link of the last transfer: the usual next one is on the same link, without map look-ups. */
    private int lastChannel = -1;
    private SessionState lastSession;
    private long lastHandle = -1;
    private LinkState lastLink;
    private int links;
    private long incompleteBytes;
    /** The first violation, reported to the transport when the parser closes. */
    private ErrorCondition violation;
    /** The peer's close frame was handled: the parser's complaints about bytes after it are ignored. */
    private boolean peerClosed;

    /** A receiving link of ours whose incoming message grew past the limit: the driver closes it. */
    record Oversized(int channel, long handle, String name, long bytes) { }

    /** What the peer has begun on one channel. */
    private static final class SessionState {
        final Map<Long, LinkState> links = new HashMap<>();
        /** The names of its links, by role ("s:" where the peer sends, "r:" where it receives). */
        final java.util.Set<String> names = new java.util.HashSet<>();
    }

    /** A link the peer has attached. */
    private static final class LinkState {
        final String name;
        /** True where the peer is the sender (we receive on it). */
        final boolean peerSends;
        /** Bytes of the incoming delivery in progress, 0 between deliveries. */
        long partialBytes;
        /** The delivery in progress went over the size limit: its payload is dropped. */
        boolean discarding;

        LinkState(String name, boolean peerSends) {
            this.name = name;
            this.peerSends = peerSends;
        }
    }

    /**
     * @param engine proton-j's transport, which handles the frames that pass
     * @param transport the same transport, whose channel-max (as advertised) the peer must keep to
     * @param maxLinks the most links attached at once
     * @param maxMessageSize the largest incoming message, 0 for no limit
     * @param midTransfer holds back the peer's settlement of deliveries still being sent
     */
    FrameGuard(FrameHandler engine, org.apache.qpid.proton.engine.Transport transport, int maxLinks, long maxMessageSize,
               MidTransferSettlement midTransfer) {
        this.engine = engine;
        this.midTransfer = midTransfer;
        this.transport = transport;
        this.maxLinks = maxLinks;
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    public boolean isHandlingFrames() {
        return engine.isHandlingFrames();
    }

    @Override
    public void closed(TransportException error) {
        ErrorCondition v = violation;
        if (peerClosed && v == null) {
            // bytes after the peer's close (RabbitMQ 3.10 sends a detach after it): ignored, as Proton C++ does
            engine.closed(null);
        } else if (v != null && error != null) {
            engine.closed(new TransportConditionException(v.description(), Symbol.valueOf(v.name())));
        } else {
            engine.closed(error);
        }
    }

    @Override
    public boolean handleFrame(TransportFrame frame) {
        TransportFrame checked;
        try {
            checked = check(frame);
        } catch (PeerViolation v) {
            return reject(v.condition, null);
        }
        try {
            if (checked.getBody() instanceof Disposition d) {
                return midTransfer.handle(engine, checked, d);
            }
            boolean tailClosed = engine.handleFrame(checked);
            if (checked.getBody() instanceof Close) {
                peerClosed = true; // nothing after it counts
            }
            return tailClosed;
        } catch (DecodeException e) {
            throw e;
        } catch (RuntimeException e) {
            return reject(new ErrorCondition("amqp:connection:framing-error",
                    name(frame.getBody()) + " frame rejected: " + (e.getMessage() != null ? e.getMessage() : e.toString())), e);
        }
    }

    /** Ends frame handling through the parser's decode-error path; {@link #closed} reports the condition. */
    private boolean reject(ErrorCondition condition, RuntimeException cause) {
        if (violation == null) {
            violation = condition;
        }
        throw new DecodeException(condition.description(), cause);
    }

    /**
     * @return the violation that closed the connection, or null
     */
    ErrorCondition violation() {
        return violation;
    }

    /**
     * @return the links whose incoming message went over the size limit since the last call
     */
    List<Oversized> takeOversized() {
        if (oversized.isEmpty()) {
            return List.of();
        }
        List<Oversized> out = new ArrayList<>(oversized);
        oversized.clear();
        return out;
    }

    /**
     * @return the bytes held in incomplete incoming messages, all links together
     */
    long incompleteBytes() {
        return incompleteBytes;
    }

    private TransportFrame check(TransportFrame frame) {
        FrameBody body = frame.getBody();
        int channel = frame.getChannel();
        if (body instanceof Transfer t) {
            return transfer(frame, t, channel == lastChannel && lastSession != null ? lastSession : session(channel, "transfer"));
        }
        if (body instanceof EmptyFrame) {
            return frame;
        }
        if (!opened && !(body instanceof Open)) {
            throw new PeerViolation("amqp:connection:framing-error", "expected an open frame, got " + name(body));
        }
        if (body instanceof Open) {
            if (opened) {
                throw new PeerViolation("amqp:connection:framing-error", "open frame received twice");
            }
            opened = true;
        } else if (body instanceof Begin) {
            begin(channel);
        } else if (body instanceof Attach a) {
            attach(channel, a);
        } else if (body instanceof Flow f) {
            SessionState s = session(channel, "flow");
            if (f.getHandle() != null) {
                link(s, f.getHandle(), "flow");
            }
        } else if (body instanceof Disposition) {
            session(channel, "disposition");
        } else if (body instanceof Detach d) {
            detach(session(channel, "detach"), d);
        } else if (body instanceof End) {
            end(channel);
        } else if (!(body instanceof Close)) {
            throw new PeerViolation("amqp:connection:framing-error", "unexpected frame " + name(body));
        }
        return frame;
    }

    private void begin(int channel) {
        int channelMax = transport.getChannelMax();
        if (channel > channelMax) {
            throw new PeerViolation("amqp:connection:framing-error",
                    "remote channel " + channel + " is above negotiated channel_max " + channelMax + ".");
        }
        if (sessions.containsKey(channel)) {
            throw new PeerViolation("amqp:connection:framing-error", "begin on channel " + channel + ", which is already begun");
        }
        sessions.put(channel, new SessionState());
    }

    private void attach(int channel, Attach a) {
        SessionState s = session(channel, "attach");
        long handle = handle(a.getHandle(), "attach");
        if (handle > ENGINE_HANDLE_MAX) {
            throw new PeerViolation("amqp:connection:framing-error", "handle " + handle + " is above handle-max " + ENGINE_HANDLE_MAX);
        }
        if (s.links.containsKey(handle)) {
            throw new PeerViolation("amqp:session:handle-in-use", "attach on handle " + handle + ", which is already attached");
        }
        if (a.getName() == null || a.getRole() == null) {
            throw new PeerViolation("amqp:invalid-field", "attach without a link name or role");
        }
        boolean peerSends = a.getRole() == Role.SENDER;
        if (s.names.contains(key(peerSends, a.getName()))) {
            throw new PeerViolation("amqp:invalid-field", "link name already attached: " + a.getName());
        }
        if (links >= maxLinks) {
            throw new PeerViolation("amqp:resource-limit-exceeded", "too many links: at most " + maxLinks + " may be attached at once");
        }
        links++;
        s.links.put(handle, new LinkState(a.getName(), peerSends));
        s.names.add(key(peerSends, a.getName()));
    }

    private static String key(boolean peerSends, String name) {
        return (peerSends ? "s:" : "r:") + name;
    }

    private void detach(SessionState s, Detach d) {
        long handle = handle(d.getHandle(), "detach");
        LinkState l = link(s, d.getHandle(), "detach");
        forget(l);
        s.links.remove(handle);
        lastLink = null;
        s.names.remove(key(l.peerSends, l.name));
    }

    private void end(int channel) {
        SessionState s = session(channel, "end");
        for (LinkState l : s.links.values()) {
            forget(l);
        }
        sessions.remove(channel);
        lastSession = null;
        lastLink = null;
    }

    private void forget(LinkState l) {
        incompleteBytes -= l.partialBytes;
        l.partialBytes = 0;
        links--;
    }

    private TransportFrame transfer(TransportFrame frame, Transfer t, SessionState s) {
        long handle = handle(t.getHandle(), "transfer");
        LinkState l = s == lastSession && handle == lastHandle && lastLink != null ? lastLink : link(s, t.getHandle(), "transfer");
        lastChannel = frame.getChannel();
        lastSession = s;
        lastHandle = handle;
        lastLink = l;
        if (!l.peerSends) {
            throw new PeerViolation("amqp:invalid-field", "transfer on link '" + l.name + "', where the peer is the receiver");
        }
        Binary payload = frame.getPayload();
        int size = payload == null ? 0 : payload.getLength();
        boolean ends = !t.getMore() || t.getAborted();
        if (l.discarding) {
            if (ends) {
                l.discarding = false;
            }
            return size == 0 ? frame : new TransportFrame(frame.getChannel(), t, null);
        }
        if (maxMessageSize > 0 && l.partialBytes + size > maxMessageSize) {
            // as the spec says the receiver does: the link goes; this delivery stops growing now
            oversized.add(new Oversized(frame.getChannel(), handle, l.name, l.partialBytes + size));
            incompleteBytes -= l.partialBytes;
            l.partialBytes = 0;
            l.discarding = !ends;
            return new TransportFrame(frame.getChannel(), t, null);
        }
        if (ends) {
            incompleteBytes -= l.partialBytes;
            l.partialBytes = 0;
        } else {
            l.partialBytes += size;
            incompleteBytes += size;
            if (maxMessageSize > 0 && incompleteBytes > maxMessageSize) {
                throw new PeerViolation("amqp:resource-limit-exceeded", "incomplete incoming messages hold " + incompleteBytes
                        + " bytes, more than the max message size " + maxMessageSize + " allows on one connection");
            }
        }
        return frame;
    }

    private SessionState session(int channel, String frame) {
        SessionState s = sessions.get(channel);
        if (s == null) {
            if (!opened) {
                throw new PeerViolation("amqp:connection:framing-error", "expected an open frame, got " + frame);
            }
            throw new PeerViolation("amqp:not-allowed", frame + " on channel " + channel + ", which is not begun");
        }
        return s;
    }

    private static long handle(UnsignedInteger handle, String frame) {
        if (handle == null) {
            throw new PeerViolation("amqp:invalid-field", frame + " without a handle");
        }
        return handle.longValue();
    }

    private static LinkState link(SessionState s, UnsignedInteger handle, String frame) {
        LinkState l = s.links.get(handle(handle, frame));
        if (l == null) {
            throw new PeerViolation("amqp:session:unattached-handle", frame + " on handle " + handle + ", which is not attached");
        }
        return l;
    }

    private static String name(FrameBody body) {
        return body == null ? "null" : body.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
