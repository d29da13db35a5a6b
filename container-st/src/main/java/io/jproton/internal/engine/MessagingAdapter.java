package io.jproton.internal.engine;

import io.jproton.ErrorCondition;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.internal.codec.MessageCodec;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Event;
import org.apache.qpid.proton.engine.Link;

/**
 * Turns proton-j engine events into {@link MessagingHandler} callbacks, with Proton C++'s
 * {@code messaging_adapter} defaults: open what the peer opens, close what the peer closes,
 * keep credit topped up, auto-accept and auto-settle. Confined to its connection's context.
 */
final class MessagingAdapter {
    private static final org.apache.qpid.proton.amqp.Symbol FORCED =
            org.apache.qpid.proton.amqp.Symbol.valueOf("amqp:connection:forced");
    private final ConnectionDriver driver;

    MessagingAdapter(ConnectionDriver driver) {
        this.driver = driver;
    }

    void handle(Event e) {
        switch (e.getType()) {
            case CONNECTION_REMOTE_OPEN -> connectionRemoteOpen();
            case CONNECTION_REMOTE_CLOSE -> connectionRemoteClose();
            case SESSION_REMOTE_OPEN -> sessionRemoteOpen(SessionImpl.of(driver, e.getSession()));
            case SESSION_REMOTE_CLOSE -> sessionRemoteClose(SessionImpl.of(driver, e.getSession()));
            case LINK_LOCAL_OPEN -> linkLocalOpen(link(e.getLink()));
            case LINK_REMOTE_OPEN -> linkRemoteOpen(link(e.getLink()));
            case LINK_REMOTE_DETACH -> linkRemoteClose(link(e.getLink()), true);
            case LINK_REMOTE_CLOSE -> linkRemoteClose(link(e.getLink()), false);
            case LINK_FLOW -> linkFlow(link(e.getLink()));
            case DELIVERY -> delivery(e.getDelivery());
            default -> { }
        }
        if (driver.metrics != null) {
            count(e);
        }
    }

    /** Sessions and links opened and closed at this end, for the container's metrics. */
    private void count(Event e) {
        switch (e.getType()) {
            case SESSION_LOCAL_OPEN -> driver.metrics.sessionOpened();
            case SESSION_LOCAL_CLOSE -> driver.metrics.sessionClosed(SessionImpl.of(driver, e.getSession()));
            case LINK_LOCAL_OPEN -> driver.metrics.linkOpened(link(e.getLink()));
            case LINK_LOCAL_CLOSE, LINK_LOCAL_DETACH -> driver.metrics.linkClosed(link(e.getLink()));
            default -> { }
        }
    }

    private LinkImpl link(Link l) {
        Object c = l.getContext();
        if (c instanceof LinkImpl li) {
            return li;
        }
        SessionImpl s = SessionImpl.of(driver, l.getSession());
        return l instanceof org.apache.qpid.proton.engine.Sender snd ? SenderImpl.of(s, snd)
                : ReceiverImpl.of(s, (org.apache.qpid.proton.engine.Receiver) l);
    }

    private void connectionRemoteOpen() {
        ConnectionImpl c = driver.connectionImpl();
        c.handler().onConnectionOpen(c);
        if (c.locallyUninitialised()) {
            c.open();
        }
    }

    private void connectionRemoteClose() {
        ConnectionImpl c = driver.connectionImpl();
        org.apache.qpid.proton.amqp.transport.ErrorCondition cond = c.engine.getRemoteCondition();
        if (cond != null && FORCED.equals(cond.getCondition()) && driver.host().reconnects()) {
            // as Proton C++: with reconnect on, a peer that forces the connection closed (a broker
            // shutting down) is a lost transport, so that reconnect can take over; no connection callbacks
            driver.lostTransport(Conditions.fromEngine(cond));
            return;
        }
        MessagingHandler h = c.handler();
        if (c.engine.getRemoteCondition() != null && c.engine.getRemoteCondition().getCondition() != null) {
            h.onConnectionError(c);
        }
        h.onConnectionClose(c);
        if (!c.locallyClosed()) {
            c.engine.close();
        }
    }

    private void sessionRemoteOpen(SessionImpl s) {
        s.handler().onSessionOpen(s);
        if (s.locallyUninitialised()) {
            s.engine.open();
        }
    }

    private void sessionRemoteClose(SessionImpl s) {
        MessagingHandler h = s.handler();
        if (s.engine.getRemoteCondition() != null && s.engine.getRemoteCondition().getCondition() != null) {
            h.onSessionError(s);
        }
        h.onSessionClose(s);
        if (!s.locallyClosed()) {
            s.engine.close();
        }
        driver.freeWhenClosed(s);
    }

    private void linkLocalOpen(LinkImpl l) {
        if (l instanceof ReceiverImpl r) {
            r.topUpCredit();
        }
    }

    private void linkRemoteOpen(LinkImpl l) {
        if (l instanceof ReceiverImpl r) {
            r.handler().onReceiverOpen(r);
            if (r.locallyUninitialised()) {
                r.open();
            }
            r.topUpCredit();
        } else {
            SenderImpl s = (SenderImpl) l;
            s.handler().onSenderOpen(s);
            if (s.locallyUninitialised()) {
                s.open();
            }
        }
    }

    private void linkRemoteClose(LinkImpl l, boolean detach) {
        MessagingHandler h = l.handler();
        boolean error = l.engine.getRemoteCondition() != null && l.engine.getRemoteCondition().getCondition() != null;
        if (l instanceof ReceiverImpl r) {
            if (error) h.onReceiverError(r);
            if (detach) h.onReceiverDetach(r); else h.onReceiverClose(r);
        } else {
            SenderImpl s = (SenderImpl) l;
            if (error) h.onSenderError(s);
            if (detach) h.onSenderDetach(s); else h.onSenderClose(s);
        }
        if (!l.locallyClosed()) {
            if (detach) l.engine.detach(); else l.engine.close();
        }
        driver.freeWhenClosed(l);
    }

    private void linkFlow(LinkImpl l) {
        if (l instanceof SenderImpl s) {
            org.apache.qpid.proton.engine.Sender snd = s.engine;
            if (snd.getDrain()) {
                if (!s.draining) {
                    s.draining = true;
                    s.handler().onSenderDrainStart(s);
                }
            } else {
                s.draining = false;
            }
            if (driver.metrics != null) {
                driver.metrics.credit(s, snd.getCredit());
            }
            if (s.usableCredit() > 0 && snd.getLocalState() == EndpointState.ACTIVE
                    && snd.getRemoteState() == EndpointState.ACTIVE) {
                s.handler().onSendable(s);
            }
        } else {
            ((ReceiverImpl) l).drainFinished();
        }
    }

    private void delivery(org.apache.qpid.proton.engine.Delivery d) {
        LinkImpl l = link(d.getLink());
        if (l instanceof ReceiverImpl r) {
            received(r, d);
        } else {
            sent((SenderImpl) l, d);
        }
    }

    private void received(ReceiverImpl r, org.apache.qpid.proton.engine.Delivery d) {
        Object ctx = d.getContext();
        if (!(ctx instanceof DeliveryImpl)) {
            if (r.engine.getQueued() > r.engine.getCredit() && !r.takeExcess(r.engine.getQueued() - r.engine.getCredit())) {
                // the peer sent more than the credit it was given, and more than a broker's slip (see takeExcess)
                throw new PeerViolation("amqp:link:transfer-limit-exceeded", "transfers on " + r + " beyond its credit: "
                        + r.engine.getQueued() + " deliveries for " + r.engine.getCredit() + " credit");
            }
            if (d.isAborted()) {
                // the peer gave up on this delivery part way: drop it, and go on with the next one
                r.engine.advance();
                d.settle();
                r.drainFinished();
                r.topUpCredit();
                return;
            }
        }
        if (d.isReadable() && !d.isPartial() && !(ctx instanceof DeliveryImpl)) {
            DeliveryImpl delivery = new DeliveryImpl(d, r);
            // the delivery's own bytes, handed over by the engine: decoded in place when they are one array
            org.apache.qpid.proton.codec.ReadableBuffer data = r.engine.recv();
            r.engine.advance();
            if (r.locallyClosed()) {
                if (r.autoAccept) {
                    delivery.release();
                }
            } else {
                if (driver.metrics != null) {
                    driver.metrics.received();
                }
                Message m;
                try {
                    if (data.hasArray()) {
                        m = MessageCodec.decode(data.array(), data.arrayOffset() + data.position(), data.remaining());
                    } else {
                        int size = data.remaining();
                        byte[] buf = r.readBuffer(size);
                        data.get(buf, 0, size);
                        m = MessageCodec.decode(buf, 0, size);
                    }
                } catch (RuntimeException undecodable) {
                    // one peer's bad message costs that delivery only
                    ErrorCondition error = new ErrorCondition("amqp:decode-error", undecodable.getMessage());
                    r.handler().onMessageDecodeError(delivery, error);
                    if (!d.isSettled()) {
                        delivery.reject(error);
                    }
                    r.drainFinished();
                    r.topUpCredit();
                    return;
                }
                r.handler().onMessage(delivery, m);
                if (r.autoAccept && !d.isSettled()) {
                    if (d.remotelySettled()) {
                        d.settle(); // pre-settled by the sender: nothing to accept, nothing goes back
                        delivery.settledLocally();
                    } else {
                        delivery.accept();
                    }
                }
                r.drainFinished();
            }
            r.topUpCredit();
        } else if (d.isUpdated() && d.remotelySettled() && ctx instanceof DeliveryImpl delivery) {
            r.handler().onDeliverySettle(delivery);
        }
    }

    private void sent(SenderImpl s, org.apache.qpid.proton.engine.Delivery d) {
        if (!d.isUpdated() || !(d.getContext() instanceof TrackerImpl t)) {
            return;
        }
        MessagingHandler h = s.handler();
        io.jproton.Transfer.State outcome = TransferImpl.state(d.getRemoteState());
        if (driver.metrics != null) {
            driver.metrics.outcome(outcome);
        }
        switch (outcome) {
            case ACCEPTED -> h.onTrackerAccept(t);
            case REJECTED -> h.onTrackerReject(t);
            case RELEASED, MODIFIED -> h.onTrackerRelease(t);
            default -> { }
        }
        if (d.remotelySettled()) {
            h.onTrackerSettle(t);
            if (s.autoSettle && !d.isSettled()) {
                boolean blocked = s.blockedByUnsettled();
                d.settle();
                t.giveBackTag();
                if (blocked) {
                    s.sendableAgain(); // room opened under max unsettled
                }
            }
        }
        d.clear();
    }
}
