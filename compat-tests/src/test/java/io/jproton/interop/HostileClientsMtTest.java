package io.jproton.interop;

import org.junit.AfterClass;

/** {@link HostileClients} against the broker on the multi-threaded container. */
public class HostileClientsMtTest extends HostileClients {
    @Override
    String container() {
        return "mt";
    }

    @AfterClass
    public static void stopBroker() {
        stop("mt");
    }
}
