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
 * and {@code --add-user FILE USER PASSWORD} ({@link BrokerUsers}).
 */
public final class Broker {
    private Broker() {}

    /** A message and its place in its queue's arrival order. */
    private record Entry(long seq, Message message) { }

    /**
     * A consumer as its queue sees it: the queue's view of its credit and message group; its
     * sender is touched only in its connection's context, through {@link #connection}.
     */
    private static final class Subscription {
        final Sender sender;
        final WorkQueue connection;
        final ConnectionHandler handler;
        final Queue queue;
        int credit;   // the queue's context only
        String group; // the queue's context only; null: any message

        Subscription(Sender sender, ConnectionHandler handler, Queue queue) {
            this.sender = sender;
            this.connection = sender.workQueue();
            this.handler = handler;
            this.queue = queue;
        }
    }

    /**
     * A queue: messages wait until a subscriber has credit; subscribers are served in turn. A
     * message sent to a subscriber stays the broker's until the subscriber settles it: released or
     * modified, or left unsettled when the subscriber goes away, it comes back in its original
     * place, ahead of later messages. Every method runs on the queue's own work queue.
     */
    static final class Queue {
        final String name;
        final WorkQueue work;
        private final java.util.PriorityQueue<Entry> messages =
                new java.util.PriorityQueue<>(java.util.Comparator.comparingLong(Entry::seq));
        private final List<Subscription> subscribers = new ArrayList<>();
        private long arrivals;
        private int next;
        /** The group id of the oldest waiting message ("" if none), for a consumer that asks for "the next session". */
        volatile String headGroup = "";

        Queue(String name, WorkQueue work) {
            this.name = name;
            this.work = work;
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

    }

    /** The queues of one broker, by name. Thread-safe. */
    public static final class Queues {
        private final Map<String, Queue> queues = new HashMap<>();
        private int nextId;

        synchronized Queue find(String name, Container container) {
            return queues.computeIfAbsent(name, n -> new Queue(n, container.newWorkQueue()));
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
    private record Unsettled(Subscription subscription, Queue queue, Entry entry) { }

    /** Handles one accepted connection; runs in that connection's context. */
    static final class ConnectionHandler implements MessagingHandler {
        private final Queues queues;
        private final Container container;
        private final boolean print;
        private final Map<Sender, Subscription> senders = new HashMap<>();
        private final Map<Receiver, Queue> receivers = new HashMap<>();
        private final Map<Tracker, Unsettled> unsettled = new java.util.IdentityHashMap<>();

        ConnectionHandler(Queues queues, Container container, boolean print) {
            this.queues = queues;
            this.container = container;
            this.print = print;
        }

        @Override
        public void onSenderOpen(Sender sender) {
            String qn = sender.source().dynamic() ? queues.dynamicName() : sender.source().address();
            Queue q = queues.find(qn, container);
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
            if (!t.settled()) {
                unsettled.put(t, new Unsettled(sub, sub.queue, e));
            }
        }

        @Override
        public void onReceiverOpen(Receiver receiver) {
            String qn = receiver.target().address();
            receiver.open(new ReceiverOptions().target(new TargetOptions().address(qn)));
            receivers.put(receiver, queues.find(qn, container));
            if (print) {
                System.out.println("receiving to " + qn);
            }
        }

        @Override
        public void onMessage(Delivery d, Message m) {
            Queue q = receivers.get(d.receiver());
            if (q != null) {
                q.work.add(() -> q.add(m));
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
            unsettled.remove(t);
        }

        @Override
        public void onTrackerReject(Tracker t) {
            unsettled.remove(t);
        }

        @Override
        public void onTrackerSettle(Tracker t) {
            unsettled.remove(t); // no-op if an outcome already settled it
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
            Queue q = sub.queue;
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
        }

        @Override
        public void onTransportClose(Transport t) {
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
        Options opts = new Options("broker")
                .flag('v', "verbose", "verbose (debugging) output", () -> { })
                .value('a', "address", "listen on URL", "URL", "0.0.0.0", v -> address[0] = v)
                .value('t', "threads", "number of threads to use", "N", Integer.toString(threads[0]),
                        v -> threads[0] = Math.max(1, Options.parseInt(v)))
                .value('u', "users", "require authentication against FILE (see --add-user FILE USER PASSWORD)", "FILE", null,
                        v -> users[0] = v)
                .flag('i', "allow-insecure", "offer PLAIN without TLS", () -> insecure[0] = true);
        opts.parse(args);
        try {
            Queues queues = new Queues();
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
