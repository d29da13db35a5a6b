package io.jproton.compat;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.ErrorCondition;
import io.jproton.Listener;
import io.jproton.ListenHandler;
import io.jproton.MessagingHandler;
import io.jproton.Transport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client connecting to one listener in one container, both ours: what each side saw. The
 * client closes once open; the listener stops once the client's transport has closed.
 */
final class SaslPair {
    /** The client's events: "open mech=X user=Y", "error NAME: DESCRIPTION", "close". */
    final List<String> client = Collections.synchronizedList(new ArrayList<>());
    /** The listener's handler's events (every callback), and "open mech=X user=Y". */
    final Recorder server = new Recorder() {
        @Override
        public void onConnectionOpen(Connection c) {
            record("open mech=" + c.transport().sasl().mech() + " user=" + c.user() + " outcome=" + c.transport().sasl().outcome());
        }

        @Override
        public void onError(ErrorCondition c) {
            record("error " + c);
        }
    };
    final AtomicInteger accepts = new AtomicInteger();

    private SaslPair() {}

    /**
     * @param scheme "amqp" or "amqps"
     * @param host the host to listen on and connect to, such as 127.0.0.1 or [::1]
     * @param serverOptions the container's server defaults (authenticator, TLS)
     * @param clientOptions the client connection's options
     */
    static SaslPair run(String scheme, String host, ConnectionOptions serverOptions, ConnectionOptions clientOptions)
            throws Exception {
        SaslPair p = new SaslPair();
        Listener[] listener = new Listener[1];
        MessagingHandler clientHandler = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                p.client.add("open mech=" + c.transport().sasl().mech() + " user=" + c.user());
                c.close();
            }

            @Override
            public void onTransportError(Transport t) {
                ErrorCondition e = t.error();
                p.client.add("error " + e.name() + ": " + e.description());
            }

            @Override
            public void onTransportClose(Transport t) {
                p.client.add("close");
                listener[0].stop();
            }
        };
        Run.bounded(new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container c) {
                c.serverConnectionOptions(serverOptions);
                listener[0] = c.listen(scheme + "://" + host + ":0", new ListenHandler() {
                    @Override
                    public ConnectionOptions onAccept(Listener l) {
                        p.accepts.incrementAndGet();
                        return new ConnectionOptions().handler(p.server);
                    }
                });
                c.connect(scheme + "://" + host + ":" + listener[0].port(), clientOptions.handler(clientHandler));
            }
        }));
        return p;
    }

    static SaslPair run(ConnectionOptions serverOptions, ConnectionOptions clientOptions) throws Exception {
        return run("amqp", "127.0.0.1", serverOptions, clientOptions);
    }

    List<String> client() {
        synchronized (client) {
            return new ArrayList<>(client);
        }
    }
}
