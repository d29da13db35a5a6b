package io.jproton.internal.engine;

import io.jproton.Connection;
import io.jproton.Container;
import io.jproton.Endpoint;
import io.jproton.ErrorCondition;
import io.jproton.MessagingHandler;
import io.jproton.WorkQueue;
import org.apache.qpid.proton.engine.EndpointState;

/** The common part of the endpoint implementations: confinement check, state, close. Confined. */
abstract class EndpointImpl implements Endpoint {
    final ConnectionDriver driver;
    /** The application's handler for this endpoint, or null to use its parent's. */
    MessagingHandler handler;
    /** The last handler guarded for this endpoint, and its guard (one allocation per handler, not per call). */
    private MessagingHandler guardedApp;
    private GuardedHandler guarded;

    EndpointImpl(ConnectionDriver driver) {
        this.driver = driver;
    }

    abstract org.apache.qpid.proton.engine.Endpoint engine();

    /**
     * @return the handler for this endpoint's events, falling back to its parent's, as the
     *         driver calls it (through a {@link GuardedHandler})
     */
    abstract MessagingHandler handler();

    /**
     * @param app an application handler
     * @return the handler as the driver calls it
     */
    final MessagingHandler guard(MessagingHandler app) {
        if (app instanceof GuardedHandler g) {
            return g;
        }
        if (app != guardedApp) {
            guardedApp = app;
            guarded = new GuardedHandler(app, driver);
        }
        return guarded;
    }

    final void check(String what) {
        driver.host().checkAccess(what);
    }

    final void touched() {
        driver.host().markDirty();
    }

    @Override
    public ErrorCondition error() {
        check("error");
        return Conditions.fromEngine(engine().getRemoteCondition());
    }

    @Override
    public boolean uninitialized() {
        check("uninitialized");
        return engine().getLocalState() == EndpointState.UNINITIALIZED;
    }

    @Override
    public boolean active() {
        check("active");
        return engine().getLocalState() == EndpointState.ACTIVE;
    }

    @Override
    public boolean closed() {
        check("closed");
        return engine().getLocalState() == EndpointState.CLOSED && engine().getRemoteState() == EndpointState.CLOSED;
    }

    @Override
    public boolean closedByPeer() {
        check("closedByPeer");
        return engine().getRemoteState() == EndpointState.CLOSED;
    }

    @Override
    public void close() {
        check("close");
        if (engine().getLocalState() != EndpointState.CLOSED) {
            engine().close();
            touched();
        }
    }

    @Override
    public void close(ErrorCondition condition) {
        check("close");
        if (engine().getLocalState() != EndpointState.CLOSED) {
            engine().setCondition(Conditions.toEngine(condition));
            engine().close();
            touched();
        }
    }

    @Override
    public Container container() {
        return driver.container().container();
    }

    @Override
    public Connection connection() {
        return driver.connection();
    }

    @Override
    public WorkQueue workQueue() {
        return driver.workQueue();
    }

    boolean locallyUninitialised() {
        return engine().getLocalState() == EndpointState.UNINITIALIZED;
    }

    boolean locallyClosed() {
        return engine().getLocalState() == EndpointState.CLOSED;
    }
}
