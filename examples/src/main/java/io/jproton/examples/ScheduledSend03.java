package io.jproton.examples;

import io.jproton.Container;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.WorkQueue;
import java.time.Duration;

/**
 * As {@link ScheduledSend}, but the timers live on the sender's work queue, as the C++
 * {@code scheduled_send_03}: prints {@code send} for each message. Same options.
 */
public final class ScheduledSend03 implements MessagingHandler {
    private final String url;
    private final Duration interval;
    private final Duration timeout;
    private WorkQueue workQueue;
    private boolean ready = true;
    private boolean canceled;

    /**
     * @param url URL
     * @param interval seconds between sends
     * @param timeout seconds until the end
     */
    public ScheduledSend03(String url, double interval, double timeout) {
        this.url = url;
        this.interval = Duration.ofMillis((long) (interval * 1000));
        this.timeout = Duration.ofMillis((long) (timeout * 1000));
    }

    @Override
    public void onContainerStart(Container c) {
        c.openSender(url);
    }

    @Override
    public void onSenderOpen(Sender s) {
        workQueue = s.workQueue();
        workQueue.schedule(timeout, () -> cancel(s));
        workQueue.schedule(interval, () -> tick(s));
    }

    private void cancel(Sender s) {
        canceled = true;
        s.connection().close();
    }

    private void tick(Sender s) {
        if (!canceled) {
            workQueue.schedule(interval, () -> tick(s));
            if (s.credit() > 0) {
                send(s);
            } else {
                ready = true;
            }
        }
    }

    @Override
    public void onSendable(Sender s) {
        if (ready) {
            send(s);
        }
    }

    private void send(Sender s) {
        System.out.println("send");
        s.send(new Message("ping"));
        ready = false;
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        String[] a = {"127.0.0.1:5672/examples"};
        double[] t = {1.0, 5.0};
        new Options("scheduled_send_03")
                .value('a', "address", "connect and send to URL", "URL", a[0], v -> a[0] = v)
                .value('i', "interval", "send a message every INTERVAL seconds", "INTERVAL", "1.0", v -> t[0] = Options.parseDouble(v))
                .value('t', "timeout", "stop after T seconds", "T", "5.0", v -> t[1] = Options.parseDouble(v))
                .parse(args);
        Main.exitOnError(() -> new Container(new ScheduledSend03(a[0], t[0], t[1])).run());
    }
}
