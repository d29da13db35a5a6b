package io.jproton.interop;

import io.jproton.Connection;
import io.jproton.ConnectionOptions;
import io.jproton.Container;
import io.jproton.ErrorCondition;
import io.jproton.MessagingHandler;
import io.jproton.Transport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One jproton client connection, in this JVM, on the container the test run names: what it saw,
 * "open mech=X user=Y" (then it closes), "error NAME: DESCRIPTION", "close".
 */
final class OurClient {
    private OurClient() {}

    static List<String> connect(String url, ConnectionOptions options) throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        MessagingHandler client = new MessagingHandler() {
            @Override
            public void onConnectionOpen(Connection c) {
                events.add("open mech=" + c.transport().sasl().mech() + " user=" + c.user());
                c.close();
            }

            @Override
            public void onTransportError(Transport t) {
                ErrorCondition e = t.error();
                events.add("error " + e.name() + ": " + e.description());
            }

            @Override
            public void onTransportClose(Transport t) {
                events.add("close");
            }
        };
        Container c = new Container(new MessagingHandler() {
            @Override
            public void onContainerStart(Container container) {
                container.connect(url, options.handler(client));
            }
        });
        CompletableFuture.runAsync(c::run).get(Proc.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }
}
