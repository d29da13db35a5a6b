package io.jproton.internal.engine;

import io.jproton.Connection;
import io.jproton.ErrorCondition;
import io.jproton.Transport;

/** {@link Transport} of a connection driver. Confined to its connection's context. */
final class TransportImpl implements Transport {
    private final ConnectionDriver driver;

    TransportImpl(ConnectionDriver driver) {
        this.driver = driver;
    }

    @Override
    public Connection connection() {
        return driver.connection();
    }

    @Override
    public ErrorCondition error() {
        driver.host().checkAccess("error");
        return driver.transportError();
    }

    @Override
    public String toString() {
        return "transport(" + driver.connection() + ")";
    }
}
