package io.jproton.interop;

import org.junit.AfterClass;

/** {@link HostileClients} against the broker on the single-threaded container. */
public class HostileClientsStTest extends HostileClients {
    @Override
    String container() {
        return "st";
    }

    @AfterClass
    public static void stopBroker() {
        stop("st");
    }
}
