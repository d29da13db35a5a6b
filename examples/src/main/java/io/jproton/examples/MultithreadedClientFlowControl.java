package io.jproton.examples;

import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.ErrorCondition;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Receiver;
import io.jproton.ReceiverOptions;
import io.jproton.Sender;
import io.jproton.Values;
import io.jproton.WorkQueue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The C++ {@code multithreaded_client_flow_control}: THREAD-COUNT application threads send through
 * one connection, each {@code send} blocking until the link has credit for it, and as many threads
 * receive through another connection whose receiver gives credit only as messages are taken. Prints
 * what each thread sent and received, then {@code COUNT messages sent and received}. Needs the
 * multi-threaded container (the examples jar's default).
 *
 * <p>Arguments: {@code CONNECTION-URL AMQP-ADDRESS MESSAGE-COUNT THREAD-COUNT [--pool C]}. With
 * {@code --pool C} (jproton only) the sending threads share a {@link io.jproton.mt.pool.SenderPool}
 * of C connections instead of the hand-written {@code BlockingSender}; the output is the same.
 */
public final class MultithreadedClientFlowControl {
    private MultithreadedClientFlowControl() {}

    /** The receiver was closed while a thread waited in receive(). */
    static final class Closed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Closed(String message) {
            super(message);
        }
    }

    /** A sender whose send() blocks until there is credit. Its public methods are thread-safe. */
    static final class BlockingSender implements MessagingHandler {
        private final Object lock = new Object();
        private Sender sender;       // the connection's context only
        private WorkQueue workQueue; // guarded by lock
        private int queued;          // guarded by lock: sends waiting in the work queue
        private int credit;          // guarded by lock

        BlockingSender(Container c, String url, String address) {
            c.openSender(url + "/" + address, null, new ConnectionOptions().handler(this));
        }

        void send(Message m) throws InterruptedException {
            WorkQueue q;
            synchronized (lock) {
                while (workQueue == null || queued >= credit) {
                    lock.wait();
                }
                queued++;
                q = workQueue;
            }
            q.add(() -> doSend(m));
        }

        void close() throws InterruptedException {
            WorkQueue q;
            synchronized (lock) {
                while (workQueue == null) {
                    lock.wait();
                }
                q = workQueue;
            }
            q.add(() -> sender.connection().close());
        }

        @Override
        public void onSenderOpen(Sender s) {
            synchronized (lock) {
                sender = s;
                workQueue = s.workQueue();
            }
        }

        @Override
        public void onSendable(Sender s) {
            synchronized (lock) {
                credit = s.credit();
                lock.notifyAll(); // senders may go on: there is credit
            }
        }

        private void doSend(Message m) {
            sender.send(m);
            synchronized (lock) {
                queued--;                 // the work item was taken from the work queue
                credit = sender.credit();
                lock.notifyAll();
            }
        }

        @Override
        public void onError(ErrorCondition e) {
            Out.println(System.err, "unexpected error: " + e);
            System.exit(1);
        }
    }

    /** A receiver that buffers at most MAX_BUFFER messages, crediting one more for each taken. */
    static final class BufferingReceiver implements MessagingHandler {
        private static final int MAX_BUFFER = 100;
        private final Object lock = new Object();
        private Receiver receiver;                                   // the connection's context only
        private WorkQueue workQueue;                                 // guarded by lock
        private final ArrayDeque<Message> buffer = new ArrayDeque<>(); // guarded by lock
        private boolean closed;                                      // guarded by lock

        BufferingReceiver(Container c, String url, String address) {
            c.openReceiver(url + "/" + address, new ReceiverOptions().creditWindow(0),
                    new ConnectionOptions().handler(this));
        }

        Message receive() throws InterruptedException {
            Message m;
            WorkQueue q;
            synchronized (lock) {
                while (!closed && (workQueue == null || buffer.isEmpty())) {
                    lock.wait();
                }
                if (closed) {
                    throw new Closed("receiver closed");
                }
                m = buffer.poll();
                q = workQueue;
            }
            q.add(() -> receiver.addCredit(1));
            return m;
        }

        void close() {
            synchronized (lock) {
                if (!closed) {
                    closed = true;
                    lock.notifyAll();
                    if (workQueue != null) {
                        workQueue.add(() -> receiver.connection().close());
                    }
                }
            }
        }

        @Override
        public void onReceiverOpen(Receiver r) {
            receiver = r;
            synchronized (lock) {
                workQueue = r.workQueue();
                lock.notifyAll();
            }
            r.addCredit(MAX_BUFFER); // the buffer is empty: the initial credit is the limit
        }

        @Override
        public void onMessage(Delivery d, Message m) {
            synchronized (lock) {
                buffer.add(m);
                lock.notifyAll();
            }
        }

        @Override
        public void onError(ErrorCondition e) {
            Out.println(System.err, "unexpected error: " + e);
            System.exit(1);
        }
    }

    /** Sends one message: through the hand-written sender, or the pool. */
    private interface Send {
        void send(Message m) throws InterruptedException;
    }

    private static void sendThread(Send s, int n) {
        long id = Thread.currentThread().getId();
        try {
            for (int i = 0; i < n; i++) {
                String body = id + "-" + i;
                s.send(new Message(body));
                Out.println(System.out, id + " sent \"" + body + '"');
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Out.println(System.out, id + " sent " + n);
    }

    private static void receiveThread(BufferingReceiver r, AtomicInteger remaining) {
        long id = Thread.currentThread().getId();
        int n = 0;
        try {
            while (remaining.getAndDecrement() > 0) {
                Message m = r.receive();
                n++;
                Out.println(System.out, id + " received \"" + Values.format(m.body()) + '"');
            }
            Out.println(System.out, id + " received " + n + " messages");
        } catch (Closed | InterruptedException e) {
            // closed while waiting: done
        }
    }

    /**
     * @param args CONNECTION-URL AMQP-ADDRESS MESSAGE-COUNT THREAD-COUNT [--pool C]
     */
    public static void main(String[] commandLine) throws Exception {
        List<String> positional = new ArrayList<>();
        int poolSize = PoolOption.parse(commandLine, positional);
        String[] args = positional.toArray(new String[0]);
        if (args.length != 4) {
            System.err.print("Usage: multithreaded_client_flow_control CONNECTION-URL AMQP-ADDRESS MESSAGE-COUNT THREAD-COUNT [--pool C]\n"
                    + "CONNECTION-URL: connection address, e.g.'amqp://127.0.0.1'\n"
                    + "AMQP-ADDRESS: AMQP node address, e.g. 'examples'\n"
                    + "MESSAGE-COUNT: number of messages to send\n"
                    + "THREAD-COUNT: number of sender/receiver thread pairs\n"
                    + "--pool C: the sending threads share a pool of C connections (jproton's SenderPool)\n");
            System.exit(1);
        }
        String url = args[0];
        String address = args[1];
        int messages = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        int count = messages * threads;
        AtomicInteger remaining = new AtomicInteger(count);
        Container container = new Container(new MessagingHandler() { });
        container.autoStop(true);
        Thread containerThread = new Thread(container::run, "container");
        // open the links before run() starts, so auto-stop does not end an empty container
        BlockingSender send = poolSize == 0 ? new BlockingSender(container, url, address) : null;
        BufferingReceiver recv = new BufferingReceiver(container, url, address);
        containerThread.start();
        PoolOption pool = PoolOption.of(container, url, address, poolSize);
        Send s = pool != null ? pool::send : send::send;
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            all.add(new Thread(() -> receiveThread(recv, remaining)));
        }
        for (int i = 0; i < threads; i++) {
            all.add(new Thread(() -> sendThread(s, messages)));
        }
        all.forEach(Thread::start);
        for (Thread t : all) {
            t.join();
        }
        if (pool != null) {
            pool.finish();
        } else {
            send.close();
        }
        recv.close();
        containerThread.join();
        if (remaining.get() > 0) {
            System.err.println("not all messages were received");
            System.exit(1);
        }
        System.out.println(count + " messages sent and received");
    }
}
