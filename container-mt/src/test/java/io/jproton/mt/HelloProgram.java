package io.jproton.mt;

import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Sender;

/**
 * One compiled handler that {@link ProviderSwitchTest} runs with and without container-mt on the
 * class path: it sends itself "Hello World!" through a listener and prints the provider and the message.
 */
public final class HelloProgram implements MessagingHandler {
    private Listener listener;

    @Override
    public void onContainerStart(Container c) {
        listener = c.listen("127.0.0.1:0", new ListenHandler() { });
        c.connect("127.0.0.1:" + listener.port()).openSender("examples");
    }

    @Override
    public void onReceiverOpen(io.jproton.Receiver r) {
        r.open();
    }

    private boolean sent;

    @Override
    public void onSendable(Sender s) {
        if (!sent) {
            sent = true;
            s.send(new Message("Hello World!"));
        }
    }

    @Override
    public void onMessage(Delivery d, Message m) {
        System.out.println(d.connection().container().provider() + " " + m.body());
        d.connection().container().stop();
    }

    /**
     * @param args none
     */
    public static void main(String[] args) {
        new Container(new HelloProgram()).run();
    }
}
