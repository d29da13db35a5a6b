package io.jproton.examples;

import io.jproton.Connection;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.ErrorCondition;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.Values;
import io.jproton.WorkQueue;
import java.util.ArrayDeque;

/**
 * The C++ {@code multithreaded_client}: the container runs on its own thread while one application
 * thread sends (through the connection's work queue) and another receives; prints {@code sent "N"},
 * {@code received "N"} and finally {@code COUNT messages sent and received}. Needs the
 * multi-threaded container (the examples jar's default).
 *
 * <p>Arguments: {@code CONNECTION-URL AMQP-ADDRESS MESSAGE-COUNT [--pool C]}. With {@code --pool C}
 * (jproton only) the sending thread sends through a {@link io.jproton.mt.pool.SenderPool} of C
 * connections instead of the connection's work queue; the output is the same.
 */
public final class MultithreadedClient implements MessagingHandler {
    private final String url;
    private final String address;
    private final boolean ownSender; // false with --pool: the pool sends
    private final Object lock = new Object();
    private Sender sender;         // touched only in the connection's context
    private Connection connection; // touched only in the connection's context
    private WorkQueue workQueue;   // guarded by lock
    private final ArrayDeque<Message> messages = new ArrayDeque<>(); // guarded by lock

    MultithreadedClient(String url, String address, boolean ownSender) {
        this.url = url;
        this.address = address;
        this.ownSender = ownSender;
    }

    /** Thread-safe: sends in the connection's context. */
    void send(Message m) {
        workQueue().add(() -> sender.send(m));
    }

    /** Thread-safe: waits for the next message. */
    Message receive() throws InterruptedException {
        synchronized (lock) {
            while (messages.isEmpty()) {
                lock.wait();
            }
            return messages.poll();
        }
    }

    /** Thread-safe: closes the connection, in its context. */
    void close() {
        WorkQueue q = workQueue();
        q.add(() -> connection.close());
    }

    private WorkQueue workQueue() {
        synchronized (lock) {
            while (workQueue == null) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return workQueue;
        }
    }

    @Override
    public void onContainerStart(Container c) {
        c.connect(url);
    }

    @Override
    public void onConnectionOpen(Connection c) {
        connection = c;
        if (ownSender) {
            c.openSender(address);
        } else {
            synchronized (lock) {
                workQueue = c.workQueue(); // close() needs it; no sender will set it
                lock.notifyAll();
            }
        }
        c.openReceiver(address);
    }

    @Override
    public void onSenderOpen(Sender s) {
        synchronized (lock) {
            sender = s;
            workQueue = s.workQueue();
            lock.notifyAll();
        }
    }

    @Override
    public void onMessage(Delivery d, Message m) {
        synchronized (lock) {
            messages.add(m);
            lock.notifyAll();
        }
    }

    @Override
    public void onError(ErrorCondition e) {
        Out.println(System.err, "unexpected error: " + e);
        System.exit(1);
    }

    /**
     * @param commandLine CONNECTION-URL AMQP-ADDRESS MESSAGE-COUNT [--pool C]
     */
    public static void main(String[] commandLine) throws Exception {
        java.util.List<String> positional = new java.util.ArrayList<>();
        int poolSize = PoolOption.parse(commandLine, positional);
        String[] args = positional.toArray(new String[0]);
        if (args.length != 3) {
            System.err.print("Usage: multithreaded_client CONNECTION-URL AMQP-ADDRESS MESSAGE-COUNT [--pool C]\n"
                    + "CONNECTION-URL: connection address, e.g.'amqp://127.0.0.1'\n"
                    + "AMQP-ADDRESS: AMQP node address, e.g. 'examples'\n"
                    + "MESSAGE-COUNT: number of messages to send\n"
                    + "--pool C: send through a pool of C connections (jproton's SenderPool)\n");
            System.exit(1);
        }
        int n = Integer.parseInt(args[2]);
        MultithreadedClient cl = new MultithreadedClient(args[0], args[1], poolSize == 0);
        Container container = new Container(cl);
        Thread containerThread = new Thread(container::run, "container");
        containerThread.start();
        PoolOption pool = PoolOption.of(container, args[0], args[1], poolSize);
        Thread senderThread = new Thread(() -> {
            for (int i = 0; i < n; i++) {
                Message msg = new Message(Integer.toString(i + 1));
                String body = Values.format(msg.body()); // before the send: the message is the sender's then
                if (pool != null) {
                    try {
                        pool.send(msg);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                } else {
                    cl.send(msg);
                }
                Out.println(System.out, "sent \"" + body + '"');
            }
        }, "sender");
        int[] received = {0};
        Thread receiverThread = new Thread(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    Message msg = cl.receive();
                    Out.println(System.out, "received \"" + Values.format(msg.body()) + '"');
                    received[0]++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "receiver");
        senderThread.start();
        receiverThread.start();
        senderThread.join();
        receiverThread.join();
        if (pool != null) {
            pool.finish();
        }
        cl.close();
        containerThread.join();
        System.out.println(received[0] + " messages sent and received");
    }
}
