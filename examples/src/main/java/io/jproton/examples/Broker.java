package io.jproton.examples;

import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.ErrorCondition;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Receiver;
import io.jproton.ReceiverOptions;
import io.jproton.Sender;
import io.jproton.SenderOptions;
import io.jproton.Session;
import io.jproton.SourceOptions;
import io.jproton.TargetOptions;
import io.jproton.Tracker;
import io.jproton.Transport;
import io.jproton.WorkQueue;
import io.jproton.examples.BrokerQueue.Entry;
import io.jproton.examples.BrokerQueue.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A simple broker, as the C++ {@code broker} example: queues named by link address, created on
 * demand; dynamic queues for links that ask for one; and, for the {@code service_bus} example,
 * Service Bus session queues: a consumer whose source has a {@code com.microsoft:session-filter}
 * gets only the messages of that group id (or of the oldest message's, if the filter is null).
 * Prints {@code broker listening on PORT}, {@code receiving to Q} and {@code sending from Q}.
 *
 * <p>Threads, as in the C++ broker: each queue lives on a work queue of its own (a container work
 * queue), each connection's links live in that connection's context, and the two talk only by
 * adding work to each other's queue. So the broker runs unchanged on one thread or on many.
 *
 * <p>Options: {@code -a/--address URL} (listen on URL, default 0.0.0.0), {@code -t/--threads N}
 * (threads to serve the container, default: the number of processors; the single-threaded
 * container uses one), {@code -v/--verbose}; beyond C++, {@code -u/--users FILE}, {@code -i/--allow-insecure}
 * and {@code --add-user FILE USER PASSWORD} ({@link BrokerUsers}), and {@code -l/--queue-limit N}.
 *
 * <p>Beyond the C++ example, the broker bounds what it holds, so that no single client can fill
 * its memory: a queue that holds {@code --queue-limit} messages (default 50,000), waiting or sent
 * and not yet settled, stops giving its producers credit until it has drained to half; and the
 * container's defaults bound the rest ({@code ConnectionOptions}: max message size, max
 * unsettled per link, links, sessions, connections).
 */
public final class Broker {
    private Broker() {}

    /** The queues of one broker, by name. Thread-safe. */
    public static final class Queues {
        private final Map<String, BrokerQueue> queues = new HashMap<>();
        private final int limit;
        private int nextId;

        /** Queues of the default limit ({@value BrokerQueue#DEFAULT_LIMIT} messages each). */
        public Queues() {
            this(BrokerQueue.DEFAULT_LIMIT);
        }

        /**
         * @param limit the most messages a queue holds (waiting or unsettled) before its producers wait for credit
         */
        public Queues(int limit) {
            this.limit = limit;
        }

        synchronized BrokerQueue find(String name, Container container) {
            return queues.computeIfAbsent(name, n -> new BrokerQueue(n, container.newWorkQueue(), limit));
        }

        synchronized String dynamicName() {
            return "_dynamic_" + nextId++;
        }

        /**
         * @param print whether to print the C++ example's lines
         * @return a listen handler that serves accepted connections from these queues
         */
        public ListenHandler listenHandler(boolean print) {
            return new ListenHandler() {
                @Override
                public ConnectionOptions onAccept(Listener l) {
                    return new ConnectionOptions().handler(new ConnectionHandler(Queues.this, l.container(), print));
                }

                @Override
                public void onOpen(Listener l) {
                    if (print) {
                        System.out.println("broker listening on " + l.port());
                    }
                }

                @Override
                public void onError(Listener l, String error) {
                    System.err.println("listen error: " + error);
                    throw new IllegalStateException(error);
                }
            };
        }
    }

    /** The source filter with which a consumer asks for one Service Bus session (message group). */
    static final String SESSION_FILTER = "com.microsoft:session-filter";

    /** A message sent to a consumer and not yet settled, with where it goes back if released. */
    private record Unsettled(Subscription subscription, BrokerQueue queue, Entry entry) { }

    /** Handles one accepted connection; runs in that connection's context. */
    static final class ConnectionHandler implements MessagingHandler {
        private final Queues queues;
        private final Container container;
        private final boolean print;
        private final Map<Sender, Subscription> senders = new HashMap<>();
        private final Map<Receiver, BrokerQueue> receivers = new HashMap<>();
        private final Map<Tracker, Unsettled> unsettled = new java.util.IdentityHashMap<>();

        ConnectionHandler(Queues queues, Container container, boolean print) {
            this.queues = queues;
            this.container = container;
            this.print = print;
        }

        @Override
        public void onSenderOpen(Sender sender) {
            String qn = sender.source().dynamic() ? queues.dynamicName() : sender.source().address();
            BrokerQueue q = queues.find(qn, container);
            Subscription sub = new Subscription(sender, this, q);
            senders.put(sender, sub);
            Map<String, Object> filters = sender.source().filters();
            if (filters.containsKey(SESSION_FILTER)) {
                // Service Bus session semantics: this consumer gets one message group only: the
                // requested one, or the group of the oldest waiting message
                Object requested = filters.get(SESSION_FILTER);
                String group = requested != null ? requested.toString() : q.headGroup;
                open(sender, qn, Map.of(SESSION_FILTER, group));
                q.work.add(() -> {
                    sub.group = group;
                    q.subscribe(sub);
                });
            } else {
                open(sender, qn, null);
                q.work.add(() -> q.subscribe(sub));
            }
        }

        private void open(Sender sender, String qn, Map<String, Object> filters) {
            SourceOptions source = new SourceOptions().address(qn);
            if (filters != null) {
                source.filters(filters);
            }
            sender.open(new SenderOptions().source(source));
            if (print) {
                System.out.println("sending from " + qn);
            }
        }

        /** In this connection's context: the queue handed a message to one of our consumers. */
        void deliver(Subscription sub, Entry e) {
            if (senders.get(sub.sender) != sub) {
                sub.queue.work.add(() -> sub.queue.requeue(List.of(e))); // the consumer went away meanwhile
                return;
            }
            Tracker t = sub.sender.send(e.message());
            if (!t.locallySettled()) {
                unsettled.put(t, new Unsettled(sub, sub.queue, e));
            } else {
                sub.queue.gone(1); // sent pre-settled: it has left the broker
            }
        }

        @Override
        public void onReceiverOpen(Receiver receiver) {
            String qn = receiver.target().address();
            // credit is the broker's to give: only while the queue has room (a full queue makes its producers wait)
            receiver.open(new ReceiverOptions().target(new TargetOptions().address(qn)).creditWindow(0));
            BrokerQueue q = queues.find(qn, container);
            receivers.put(receiver, q);
            if (print) {
                System.out.println("receiving to " + qn);
            }
            grant(receiver, q);
        }

        @Override
        public void onMessage(Delivery d, Message m) {
            BrokerQueue q = receivers.get(d.receiver());
            if (q != null) {
                q.taken();
                q.work.add(() -> q.add(m));
                grant(d.receiver(), q);
            }
        }

        /** Keeps a producer's credit window (10, as C++'s default) topped up while its queue has room. */
        private void grant(Receiver r, BrokerQueue q) {
            if (!r.active() || receivers.get(r) != q || r.credit() > 5) {
                return;
            }
            WorkQueue here = r.workQueue();
            if (q.room(() -> here.add(() -> grant(r, q)))) {
                r.addCredit(10 - r.credit());
            }
        }

        @Override
        public void onSendable(Sender s) {
            Subscription sub = senders.get(s);
            if (sub != null) {
                int credit = s.credit();
                sub.queue.work.add(() -> sub.queue.flow(sub, credit));
            }
        }

        @Override
        public void onTrackerAccept(Tracker t) {
            consumed(t);
        }

        @Override
        public void onTrackerReject(Tracker t) {
            consumed(t);
        }

        @Override
        public void onTrackerSettle(Tracker t) {
            consumed(t); // no-op if an outcome already settled it
        }

        /** A consumer took a message for good: it leaves the broker. */
        private void consumed(Tracker t) {
            Unsettled u = unsettled.remove(t);
            if (u != null) {
                u.queue().gone(1);
            }
        }

        @Override
        public void onTrackerRelease(Tracker t) {
            Unsettled u = unsettled.remove(t);
            if (u != null) {
                if (t.state() == io.jproton.Transfer.State.MODIFIED) {
                    u.entry().message().deliveryCount(u.entry().message().deliveryCount() + 1);
                }
                u.queue().work.add(() -> u.queue().requeue(List.of(u.entry())));
            }
        }

        private void unsubscribe(Sender s) {
            Subscription sub = senders.remove(s);
            if (sub == null) {
                return;
            }
            BrokerQueue q = sub.queue;
            List<Entry> back = new ArrayList<>();
            java.util.Iterator<Unsettled> it = unsettled.values().iterator();
            while (it.hasNext()) {
                Unsettled u = it.next();
                if (u.subscription() == sub) {
                    back.add(u.entry());
                    it.remove();
                }
            }
            back.sort(java.util.Comparator.comparingLong(Entry::seq));
            q.work.add(() -> q.unsubscribe(sub, back));
        }

        @Override
        public void onReceiverClose(Receiver r) {
            receivers.remove(r);
        }

        @Override
        public void onReceiverDetach(Receiver r) {
            receivers.remove(r);
        }

        @Override
        public void onSenderClose(Sender s) {
            unsubscribe(s);
        }

        @Override
        public void onSenderDetach(Sender s) {
            unsubscribe(s);
        }

        @Override
        public void onSessionClose(Session session) {
            for (Sender s : session.senders()) {
                unsubscribe(s);
            }
            for (Receiver r : session.receivers()) {
                receivers.remove(r);
            }
        }

        @Override
        public void onTransportClose(Transport t) {
            receivers.clear();
            for (Sender s : new ArrayList<>(senders.keySet())) {
                unsubscribe(s);
            }
        }

        @Override
        public void onError(ErrorCondition e) {
            System.out.println("protocol error: " + e);
        }
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        if (BrokerUsers.addUser(args)) {
            return;
        }
        String[] address = {"0.0.0.0"};
        String[] users = {null};
        boolean[] insecure = {false}; // PLAIN without TLS
        int[] threads = {Runtime.getRuntime().availableProcessors()};
        int[] limit = {BrokerQueue.DEFAULT_LIMIT};
        Options opts = new Options("broker")
                .flag('v', "verbose", "verbose (debugging) output", () -> { })
                .value('a', "address", "listen on URL", "URL", "0.0.0.0", v -> address[0] = v)
                .value('t', "threads", "number of threads to use", "N", Integer.toString(threads[0]),
                        v -> threads[0] = Math.max(1, Options.parseInt(v)))
                .value('u', "users", "require authentication against FILE (see --add-user FILE USER PASSWORD)", "FILE", null,
                        v -> users[0] = v)
                .flag('i', "allow-insecure", "offer PLAIN without TLS", () -> insecure[0] = true)
                .value('l', "queue-limit", "most messages a queue holds before its producers wait for credit", "N",
                        Integer.toString(limit[0]), v -> limit[0] = Math.max(1, Options.parseInt(v)));
        opts.parse(args);
        try {
            Queues queues = new Queues(limit[0]);
            Container container = new Container(new MessagingHandler() { }, "broker");
            container.serverConnectionOptions(BrokerUsers.listenerOptions(users[0], insecure[0]));
            container.listen(address[0], queues.listenHandler(true));
            container.run(container.provider().equals("st") ? 1 : threads[0]);
        } catch (RuntimeException e) {
            System.out.println("broker shutdown: " + e.getMessage());
            System.exit(1);
        }
    }
}
