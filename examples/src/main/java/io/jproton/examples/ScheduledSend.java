package io.jproton.examples;

import io.jproton.Container;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.WorkQueue;
import java.time.Duration;

/**
 * Sends a message every INTERVAL seconds until TIMEOUT, printing {@code send} for each, as the
 * C++ {@code scheduled_send}: timers are scheduled on the container and hop to the connection's
 * work queue.
 *
 * <p>Options: {@code -a/--address URL} (default 127.0.0.1:5672/examples), {@code -i/--interval}
 * seconds (default 1.0), {@code -t/--timeout} seconds (default 5.0).
 */
public final class ScheduledSend implements MessagingHandler {
    private final String url;
    private final Duration interval;
    private final Duration timeout;
    private Sender sender;
    private WorkQueue workQueue;
    private boolean ready = true;
    private boolean canceled;

    /**
     * @param url URL
     * @param interval seconds between sends
     * @param timeout seconds until the end
     */
    public ScheduledSend(String url, double interval, double timeout) {
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
        sender = s;
        workQueue = s.workQueue();
        s.container().schedule(timeout, () -> workQueue.add(this::cancel));
        s.container().schedule(interval, () -> workQueue.add(this::tick));
    }

    private void cancel() {
        canceled = true;
        sender.connection().close();
    }

    private void tick() {
        if (!canceled) {
            sender.container().schedule(interval, () -> workQueue.add(this::tick));
        }
        if (sender.credit() > 0) {
            send();
        } else {
            ready = true;
        }
    }

    @Override
    public void onSendable(Sender s) {
        if (ready) {
            send();
        }
    }

    private void send() {
        System.out.println("send");
        sender.send(new Message("ping"));
        ready = false;
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        String[] a = {"127.0.0.1:5672/examples"};
        double[] t = {1.0, 5.0};
        new Options("scheduled_send")
                .value('a', "address", "connect and send to URL", "URL", a[0], v -> a[0] = v)
                .value('i', "interval", "send a message every INTERVAL seconds", "INTERVAL", "1.0", v -> t[0] = Options.parseDouble(v))
                .value('t', "timeout", "stop after T seconds", "T", "5.0", v -> t[1] = Options.parseDouble(v))
                .parse(args);
        Main.exitOnError(() -> new Container(new ScheduledSend(a[0], t[0], t[1])).run());
    }
}
