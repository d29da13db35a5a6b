package io.jproton.bench;

import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.ErrorCondition;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.Tracker;
import io.jproton.WorkQueue;
import java.util.concurrent.CountDownLatch;

/**
 * The thread-safe sender that Proton C++'s {@code multithreaded_client_flow_control} example
 * writes by hand, as our example ports it: a connection of its own, {@code send} blocks while the
 * messages queued in the work queue reach the link's credit, each send crosses by one work-queue
 * task. For {@link PoolBench}, it also counts the peer's accepts (the example does not look at
 * outcomes) so that a run ends when every message is accepted, as the pool's does.
 */
final class HandWrittenSender implements MessagingHandler {
    private final Object lock = new Object();
    private final CountDownLatch accepted;
    private Sender sender;       // the connection's context only
    private WorkQueue workQueue; // guarded by lock
    private int queued;          // guarded by lock
    private int credit;          // guarded by lock

    HandWrittenSender(Container c, String url, String address, CountDownLatch accepted) {
        this.accepted = accepted;
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
            lock.notifyAll();
        }
    }

    private void doSend(Message m) {
        sender.send(m);
        synchronized (lock) {
            queued--;
            credit = sender.credit();
            lock.notifyAll();
        }
    }

    @Override
    public void onTrackerAccept(Tracker t) {
        accepted.countDown();
    }

    @Override
    public void onError(ErrorCondition e) {
        throw new IllegalStateException("hand-written sender: " + e);
    }
}
