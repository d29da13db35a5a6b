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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A simple broker, as the C++ {@code broker} example: queues named by link address, created on
 * demand; dynamic queues for links that ask for one; and, for the {@code service_bus} example,
 * Service Bus session queues: a consumer whose source has a {@code com.microsoft:session-filter}
 * gets only the messages of that group id (or of the oldest message's, if the filter is null). Prints {@code broker listening on PORT},
 * {@code receiving to Q} and {@code sending from Q}.
 *
 * <p>Options: {@code -a/--address URL} (listen on URL, default 0.0.0.0), {@code -v/--verbose}.
 */
public final class Broker {
    private Broker() {}

    /**
     * A queue: messages wait until a subscriber has credit, subscribers are served in turn. A
     * message sent to a subscriber stays the queue's until the subscriber settles it: released or
     * modified, or left unsettled when the subscriber goes away, it is queued again in its
     * original place, ahead of later messages.
     */
    static final class Queue {
        /** A message and its place in arrival order. */
        private record Entry(long seq, Message message) { }

        final String name;
        private final java.util.PriorityQueue<Entry> messages =
                new java.util.PriorityQueue<>(java.util.Comparator.comparingLong(Entry::seq));
        private final List<Sender> subscribers = new ArrayList<>();
        private final Map<Tracker, Entry> unsettled = new java.util.IdentityHashMap<>();
        private long arrivals;
        private int next;

        Queue(String name) {
            this.name = name;
        }

        void add(Message m) {
            messages.add(new Entry(arrivals++, m));
            dispatch();
        }

        void subscribe(Sender s) {
            subscribers.add(s);
            dispatch();
        }

        void unsubscribe(Sender s) {
            subscribers.remove(s);
            groups.remove(s);
            java.util.Iterator<Map.Entry<Tracker, Entry>> it = unsettled.entrySet().iterator();
            List<Entry> back = new ArrayList<>();
            while (it.hasNext()) {
                Map.Entry<Tracker, Entry> e = it.next();
                if (e.getKey().sender() == s) {
                    back.add(e.getValue());
                    it.remove();
                }
            }
            requeue(back);
        }

        /** The subscriber settled the message: accepted, rejected, or settled without an outcome. */
        void settled(Tracker t) {
            unsettled.remove(t);
        }

        /** The subscriber released or modified the message: it goes back to the front of the queue. */
        void released(Tracker t, boolean failed) {
            Entry e = unsettled.remove(t);
            if (e != null) {
                if (failed) {
                    e.message().deliveryCount(e.message().deliveryCount() + 1);
                }
                requeue(List.of(e));
            }
        }

        private void requeue(List<Entry> back) {
            messages.addAll(back);
            if (!back.isEmpty()) {
                dispatch();
            }
        }

        /** Sends waiting messages, in arrival order, each to the next subscriber with credit that takes it. */
        void dispatch() {
            if (subscribers.isEmpty() || messages.isEmpty()) {
                return;
            }
            List<Entry> skipped = new ArrayList<>();
            while (!messages.isEmpty()) {
                Entry e = messages.poll();
                Sender target = null;
                for (int i = 0; i < subscribers.size(); i++) {
                    Sender s = subscribers.get((next + i) % subscribers.size());
                    if (s.credit() > 0 && takes(s, e.message())) {
                        target = s;
                        next = (next + i + 1) % subscribers.size();
                        break;
                    }
                }
                if (target == null) {
                    skipped.add(e);
                    if (groups.isEmpty()) {
                        break; // no filters: nobody can take any message now
                    }
                    continue;
                }
                Tracker t = target.send(e.message());
                if (!t.settled()) {
                    unsettled.put(t, e);
                }
            }
            messages.addAll(skipped);
        }

        /** Subscribers bound to one message group (a Service Bus session): they take only its messages. */
        private final Map<Sender, String> groups = new java.util.IdentityHashMap<>();

        private boolean takes(Sender s, Message m) {
            String group = groups.get(s);
            return group == null || group.equals(m.groupId());
        }

        /**
         * @param requested the group a subscriber asked for, or null for "the group of the next message"
         * @return the group it is bound to: the requested one, or the oldest waiting message's, or ""
         */
        String bindGroup(Sender s, String requested) {
            String group = requested;
            if (group == null) {
                Entry oldest = messages.peek();
                group = oldest == null ? "" : oldest.message().groupId();
            }
            groups.put(s, group);
            return group;
        }
    }

    /** The queues of one broker, by name. Confined to the container's context. */
    public static final class Queues {
        private final Map<String, Queue> queues = new HashMap<>();
        private int nextId;

        Queue find(String name) {
            return queues.computeIfAbsent(name, Queue::new);
        }

        String dynamicName() {
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
                    return new ConnectionOptions().handler(new ConnectionHandler(Queues.this, print));
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

    /** Handles one accepted connection. */
    static final class ConnectionHandler implements MessagingHandler {
        private final Queues queues;
        private final boolean print;
        private final Map<Sender, Queue> senders = new HashMap<>();
        private final Map<Receiver, Queue> receivers = new HashMap<>();

        ConnectionHandler(Queues queues, boolean print) {
            this.queues = queues;
            this.print = print;
        }

        @Override
        public void onSenderOpen(Sender sender) {
            String qn = sender.source().dynamic() ? queues.dynamicName() : sender.source().address();
            Queue q = queues.find(qn);
            SourceOptions source = new SourceOptions().address(qn);
            Map<String, Object> filters = sender.source().filters();
            if (filters.containsKey(SESSION_FILTER)) {
                // Service Bus session semantics: this consumer gets one message group only
                Object requested = filters.get(SESSION_FILTER);
                String group = q.bindGroup(sender, requested == null ? null : requested.toString());
                source.filters(Map.of(SESSION_FILTER, group));
            }
            sender.open(new SenderOptions().source(source));
            senders.put(sender, q);
            q.subscribe(sender);
            if (print) {
                System.out.println("sending from " + qn);
            }
        }

        @Override
        public void onReceiverOpen(Receiver receiver) {
            String qn = receiver.target().address();
            receiver.open(new ReceiverOptions().target(new TargetOptions().address(qn)));
            receivers.put(receiver, queues.find(qn));
            if (print) {
                System.out.println("receiving to " + qn);
            }
        }

        @Override
        public void onMessage(Delivery d, Message m) {
            Queue q = receivers.get(d.receiver());
            if (q != null) {
                q.add(m);
            }
        }

        @Override
        public void onTrackerAccept(Tracker t) {
            Queue q = senders.get(t.sender());
            if (q != null) {
                q.settled(t);
            }
        }

        @Override
        public void onTrackerReject(Tracker t) {
            onTrackerAccept(t);
        }

        @Override
        public void onTrackerRelease(Tracker t) {
            Queue q = senders.get(t.sender());
            if (q != null) {
                q.released(t, t.state() == io.jproton.Transfer.State.MODIFIED);
            }
        }

        @Override
        public void onTrackerSettle(Tracker t) {
            onTrackerAccept(t); // no-op if an outcome already settled it
        }

        @Override
        public void onSendable(Sender s) {
            Queue q = senders.get(s);
            if (q != null) {
                q.dispatch();
            }
        }

        private void unsubscribe(Sender s) {
            Queue q = senders.remove(s);
            if (q != null) {
                q.unsubscribe(s);
            }
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
        String[] address = {"0.0.0.0"};
        Options opts = new Options("broker")
                .flag('v', "verbose", "verbose (debugging) output", () -> { })
                .value('a', "address", "listen on URL", "URL", "0.0.0.0", v -> address[0] = v);
        opts.parse(args);
        try {
            Queues queues = new Queues();
            Container container = new Container(new MessagingHandler() { }, "broker");
            container.listen(address[0], queues.listenHandler(true));
            container.run();
        } catch (RuntimeException e) {
            System.out.println("broker shutdown: " + e.getMessage());
            System.exit(1);
        }
    }
}
