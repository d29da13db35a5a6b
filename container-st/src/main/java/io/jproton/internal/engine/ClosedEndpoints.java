package io.jproton.internal.engine;

import io.jproton.ErrorCondition;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Sessions and links closed at both ends, waiting for their closing frames to go out before they
 * are freed (proton-j fails to write the end of a session freed before; see
 * {@link LinkImpl#freeIfDone()}). Bounded: a peer that opens and closes endpoints but never reads
 * our closing frames would otherwise have us keep them all; past the bound the connection closes
 * with {@code amqp:resource-limit-exceeded}.
 *
 * <p>Not thread-safe: confined to the connection's context.
 */
final class ClosedEndpoints {
    private final ArrayDeque<EndpointImpl> waiting = new ArrayDeque<>(0);
    private final int bound;

    /**
     * @param bound how many may wait at most
     */
    ClosedEndpoints(int bound) {
        this.bound = bound;
    }

    /**
     * @param e a session or link closed at both ends
     */
    void add(EndpointImpl e) {
        waiting.add(e);
    }

    /**
     * Frees those whose closing frame has gone out.
     *
     * @param io the transport, failed if too many wait
     */
    void freeSent(EngineTransport io) {
        if (waiting.isEmpty()) {
            return;
        }
        for (Iterator<EndpointImpl> it = waiting.iterator(); it.hasNext(); ) {
            EndpointImpl e = it.next();
            if (e instanceof LinkImpl l) {
                if (l.freed || ProtonJInternals.detachDone(l.engine)) {
                    it.remove();
                    l.freeIfDone();
                }
            } else if (e instanceof SessionImpl s && (s.freed || ProtonJInternals.endSent(s.engine))) {
                it.remove();
                s.freeIfDone();
            }
        }
        if (waiting.size() > bound) {
            io.fail(new ErrorCondition("amqp:resource-limit-exceeded", waiting.size()
                    + " closed sessions and links wait for the peer to read their closing frames"), null);
            waiting.clear();
        }
    }
}
