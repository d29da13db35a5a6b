package sample;

import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.Listener;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;
import io.jproton.Tracker;

/** Sends "Hello World!" to a listener of its own (port 0) and prints it, and which container ran. */
public final class Hello implements MessagingHandler {
    private Listener listener;
    private boolean sent;

    @Override
    public void onContainerStart(Container c) {
        listener = c.listen("127.0.0.1:0");
        c.openSender("127.0.0.1:" + listener.port() + "/examples");
    }

    @Override
    public void onSendable(Sender s) {
        if (!sent) {
            sent = true;
            s.send(new Message("Hello World!"));
        }
    }

    @Override
    public void onTrackerAccept(Tracker t) {
        t.connection().close();
    }

    @Override
    public void onMessage(Delivery d, Message m) {
        System.out.println(m.body());
        listener.stop();
    }

    public static void main(String[] args) {
        Container c = new Container(new Hello());
        c.run();
        System.out.println("container: " + c.provider() + ", module: " + Container.class.getModule().getName());
    }
}
