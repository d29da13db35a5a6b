package io.jproton.examples;

import io.jproton.Message;
import io.jproton.Sender;
import io.jproton.WorkQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A queue: messages wait until a subscriber has credit; subscribers are served in turn. A
 * message sent to a subscriber stays the broker's until the subscriber settles it: released or
 * modified, or left unsettled when the subscriber goes away, it comes back in its original
 * place, ahead of later messages. Every method runs on the queue's own work queue.
 */
final class BrokerQueue {
    final String name;
    final WorkQueue work;
    private final java.util.PriorityQueue<Entry> messages =
            new java.util.PriorityQueue<>(java.util.Comparator.comparingLong(Entry::seq));
    private final List<Subscription> subscribers = new ArrayList<>();
    private long arrivals;
    private int next;
    /** The group id of the oldest waiting message ("" if none), for a consumer that asks for "the next session". */
    volatile String headGroup = "";

    BrokerQueue(String name, WorkQueue work, int limit) {
        this.name = name;
        this.work = work;
        this.limit = limit;
    }

    void add(Message m) {
        messages.add(new Entry(arrivals++, m));
        dispatch();
    }

    void subscribe(Subscription s) {
        subscribers.add(s);
        dispatch();
    }

    void unsubscribe(Subscription s, List<Entry> unsettled) {
        subscribers.remove(s);
        requeue(unsettled);
    }

    void flow(Subscription s, int credit) {
        s.credit = credit;
        dispatch();
    }

    void requeue(List<Entry> back) {
        messages.addAll(back);
        if (!back.isEmpty()) {
            dispatch();
        }
    }

    /** Hands waiting messages, in arrival order, each to the next subscriber with credit that takes it. */
    private void dispatch() {
        if (subscribers.isEmpty() || messages.isEmpty()) {
            updateHead();
            return;
        }
        List<Entry> skipped = new ArrayList<>();
        boolean grouped = subscribers.stream().anyMatch(s -> s.group != null);
        while (!messages.isEmpty()) {
            Entry e = messages.poll();
            Subscription target = null;
            for (int i = 0; i < subscribers.size(); i++) {
                Subscription s = subscribers.get((next + i) % subscribers.size());
                if (s.credit > 0 && (s.group == null || s.group.equals(e.message().groupId()))) {
                    target = s;
                    next = (next + i + 1) % subscribers.size();
                    break;
                }
            }
            if (target == null) {
                skipped.add(e);
                if (!grouped) {
                    break; // no filters: nobody can take any message now
                }
                continue;
            }
            target.credit--;
            Subscription to = target;
            if (!to.connection.add(() -> to.handler.deliver(to, e))) {
                subscribers.remove(to); // its connection has gone: the message stays here
                skipped.add(e);
            }
        }
        messages.addAll(skipped);
        updateHead();
    }

    private void updateHead() {
        Entry head = messages.peek();
        headGroup = head == null || head.message().groupId() == null ? "" : head.message().groupId();
    }

    // ---- the queue's bound (beyond the C++ example): producers get credit only while there is room

    /** The most messages a queue holds, waiting or sent and not yet settled, unless {@code --queue-limit} says otherwise. */
    static final int DEFAULT_LIMIT = 50_000;
    private final int limit;
    /** Messages waiting or in flight; thread-safe, read by producers' connections. */
    private final AtomicInteger held = new AtomicInteger();
    /** Producers waiting for room, each a way back into its connection's context. */
    private final Set<Runnable> waiting = ConcurrentHashMap.newKeySet();

    /** Thread-safe: a producer's connection took a message for this queue. */
    void taken() {
        held.incrementAndGet();
    }

    /** Thread-safe: messages left the broker (a consumer accepted or rejected them, or they went pre-settled). */
    void gone(int n) {
        if (held.addAndGet(-n) <= limit / 2 && !waiting.isEmpty()) {
            for (Runnable r : waiting.toArray(new Runnable[0])) {
                waiting.remove(r);
                r.run();
            }
        }
    }

    /**
     * Thread-safe: whether a producer may have more credit; if not, {@code resume} runs once the
     * queue has drained to half its limit.
     *
     * @param resume posts the producer's credit top-up back into its connection's context
     * @return true if there is room now
     */
    boolean room(Runnable resume) {
        if (held.get() < limit) {
            return true;
        }
        waiting.add(resume);
        if (held.get() < limit) { // drained meanwhile: the resume could have been missed
            waiting.remove(resume);
            return true;
        }
        return false;
    }

    /** A message and its place in its queue's arrival order. */
    record Entry(long seq, Message message) { }

    /**
     * A consumer as its queue sees it: the queue's view of its credit and message group; its
     * sender is touched only in its connection's context, through {@link #connection}.
     */
    static final class Subscription {
        final Sender sender;
        final WorkQueue connection;
        final Broker.ConnectionHandler handler;
        final BrokerQueue queue;
        int credit;   // the queue's context only
        String group; // the queue's context only; null: any message

        Subscription(Sender sender, Broker.ConnectionHandler handler, BrokerQueue queue) {
            this.sender = sender;
            this.connection = sender.workQueue();
            this.handler = handler;
            this.queue = queue;
        }
    }

}
