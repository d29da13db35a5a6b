package io.jproton.internal.mt.pool;

import io.jproton.Connection;
import io.jproton.DeliveryMode;
import io.jproton.ErrorCondition;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.SenderOptions;
import io.jproton.Session;
import io.jproton.Tracker;
import io.jproton.Transfer;
import io.jproton.Transport;
import io.jproton.WorkHandle;
import io.jproton.internal.engine.AbortAware;
import io.jproton.internal.engine.TrackerOutcomes;
import io.jproton.mt.pool.Outcome;
import io.jproton.mt.pool.SendFailedException;
import io.jproton.mt.pool.SenderKey;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The connection side of a thread-safe sender: the handler of its connection. Sends taken messages
 * as the link has credit, in order; turns the peer's outcomes into decisions; and fails what can
 * have no outcome when the connection is lost (at reconnect: the messages written before the loss)
 * or ends (everything).
 *
 * <p>Confined to the connection's context: its callbacks and its work queue's work.
 */
final class SenderLink implements MessagingHandler, AbortAware {
    private final SenderCore core;
    private final String address;
    private final SenderOptions senderOptions;
    private final Duration closeTimeout;
    private Connection connection;
    private Sender sender;
    private boolean presettled;
    /** Taken, not yet written: waiting for credit. Kept across a reconnect (nothing of them went out). */
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    /** Written and not settled by the peer, by tracker (trackers are compared by identity; no node per entry). */
    private final Map<Tracker, Pending> unsettled = new IdentityHashMap<>();
    private ErrorCondition ended;
    private boolean closing;
    private WorkHandle closeTimer;

    SenderLink(SenderCore core, SenderKey key, Duration closeTimeout) {
        this.core = core;
        this.address = key.address();
        this.senderOptions = key.senderOptions() == null ? null : new SenderOptions(key.senderOptions());
        this.closeTimeout = closeTimeout;
    }

    /** A message taken by {@code send}, handed over in order by the core's drain. */
    void take(Pending p) {
        if (ended != null) {
            core.decide(p, null, new SendFailedException(new ErrorCondition(ended.name(), "not sent: " + ended.description()), false));
        } else if (waiting.isEmpty() && sender != null && sender.credit() > 0) {
            write(p);
        } else {
            waiting.add(p);
        }
    }

    private void pump() {
        while (!waiting.isEmpty() && sender.credit() > 0) {
            write(waiting.poll());
        }
    }

    private void write(Pending p) {
        Tracker t;
        try {
            t = sender.send(p.message);
        } catch (RuntimeException e) {
            core.decide(p, null, e); // the message cannot be encoded: that message's failure only
            return;
        }
        p.message = null; // encoded and written: a message in flight or decided holds no body

        if (presettled) {
            core.decide(p, Outcome.none(), null);
        } else {
            unsettled.put(t, p);
        }
    }

    // ---- the connection's callbacks

    @Override
    public void onConnectionOpen(Connection c) {
        connection = c;
        if (sender == null) {
            SenderOptions effective = c.container().senderOptions().update(senderOptions);
            presettled = effective.deliveryMode() == DeliveryMode.AT_MOST_ONCE;
            sender = c.openSender(address, senderOptions);
        } else {
            // reconnected (no callback came for the loss): what went out before it will have no outcome
            failUnsettled(new ErrorCondition("proton:io", "the connection was lost (and has reconnected) before the peer "
                    + "settled the message; it may or may not have arrived"));
        }
    }

    @Override
    public void onSenderOpen(Sender s) {
        core.opened();
    }

    @Override
    public void onSendable(Sender s) {
        pump();
    }

    @Override
    public void onTrackerAccept(Tracker t) {
        decided(t, Outcome.accepted());
    }

    @Override
    public void onTrackerReject(Tracker t) {
        if (unsettled.containsKey(t)) {
            decided(t, Outcome.rejected(TrackerOutcomes.rejectCondition(t)));
        }
    }

    @Override
    public void onTrackerRelease(Tracker t) {
        if (unsettled.containsKey(t)) {
            decided(t, t.state() == Transfer.State.MODIFIED
                    ? Outcome.modified(TrackerOutcomes.deliveryFailed(t), TrackerOutcomes.undeliverableHere(t)) : Outcome.released());
        }
    }

    @Override
    public void onTrackerSettle(Tracker t) {
        decided(t, Outcome.none()); // settled without an outcome (after one, the tracker is no longer here)
    }

    private void decided(Tracker t, Outcome o) {
        Pending p = unsettled.remove(t);
        if (p != null) {
            t.settle(); // once its outcome is known, whatever the sender options say: an unsettled tracker would hold credit
            core.decide(p, o, null);
            finishCloseIfIdle();
        }
    }

    @Override
    public void onSenderClose(Sender s) {
        end(orElse(s.error(), "the peer closed the link to '" + address + "'"));
    }

    @Override
    public void onSenderDetach(Sender s) {
        end(orElse(s.error(), "the peer detached the link to '" + address + "'"));
    }

    @Override
    public void onSessionClose(Session s) {
        end(orElse(s.error(), "the peer closed the session"));
    }

    @Override
    public void onConnectionClose(Connection c) {
        end(orElse(c.error(), "the peer closed the connection"));
    }

    @Override
    public void onTransportClose(Transport t) {
        connection = null; // finished: nothing left to close
        end(orElse(t.error(), "the connection has closed"));
    }

    // the error callbacks are followed by the close callbacks above, which read the same error
    @Override
    public void onSenderError(Sender s) { }

    @Override
    public void onSessionError(Session s) { }

    @Override
    public void onConnectionError(Connection c) { }

    @Override
    public void onTransportError(Transport t) { }

    @Override
    public void onError(ErrorCondition condition) {
        // never stop the application's container for this connection's errors: they go to the futures
    }

    /** The container stopped after a callback threw and dropped the connection: no callback will come. */
    @Override
    public void connectionAborted() {
        connection = null; // dropped: nothing to close
        end(new ErrorCondition("proton:aborted", "the container stopped (a callback threw) and dropped the connection"));
    }

    private static ErrorCondition orElse(ErrorCondition e, String description) {
        return e != null ? e : new ErrorCondition("proton:io", description);
    }

    // ---- ending

    /** The link can send no more: everything in flight fails, and the connection closes. */
    private void end(ErrorCondition why) {
        if (ended == null) {
            ended = why;
            core.ended(why);
        }
        failUnsettled(why);
        ErrorCondition notSent = new ErrorCondition(why.name(), "not sent: " + why.description());
        Pending p;
        while ((p = waiting.poll()) != null) {
            core.decide(p, null, new SendFailedException(notSent, false));
        }
        if (closeTimer != null) {
            closeTimer.cancel();
            closeTimer = null;
        }
        if (connection != null) {
            connection.close(); // nothing if already closed
        }
    }

    private void failUnsettled(ErrorCondition why) {
        if (unsettled.isEmpty()) {
            return;
        }
        ErrorCondition lost = new ErrorCondition(why.name(), "no outcome: " + why.description());
        for (Pending p : unsettled.values()) {
            core.decide(p, null, new SendFailedException(lost, true));
        }
        unsettled.clear();
    }

    /**
     * The application closed the sender: close once nothing is in flight, or after the close timeout.
     *
     * @param c the sender's connection (this is its work, so it may be touched)
     */
    void beginClose(Connection c) {
        if (closing || ended != null) {
            return;
        }
        closing = true;
        connection = c;
        if (!finishCloseIfIdle()) {
            closeTimer = c.container().schedule(closeTimeout, () -> end(new ErrorCondition("proton:closed",
                    "the sender was closed and its close timeout (" + closeTimeout.toMillis() + " ms) passed")));
        }
    }

    private boolean finishCloseIfIdle() {
        if (closing && ended == null && waiting.isEmpty() && unsettled.isEmpty()) {
            end(new ErrorCondition("proton:closed", "the sender was closed"));
            return true;
        }
        return false;
    }
}
