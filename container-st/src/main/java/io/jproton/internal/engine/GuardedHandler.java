package io.jproton.internal.engine;

import io.jproton.Connection;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.ErrorCondition;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Receiver;
import io.jproton.Sender;
import io.jproton.Session;
import io.jproton.Tracker;
import io.jproton.Transport;

/**
 * The application's handler as the driver calls it: every callback is passed on unchanged, and an
 * exception it throws is noted before it propagates, unchanged too. That is how the driver tells
 * the application's failures (which stop the container, as in Proton C++) from its own and
 * proton-j's failures while it handles one peer's input (which cost that connection only).
 *
 * <p>Confined to the connection's context, as the driver is.
 */
final class GuardedHandler implements MessagingHandler {
    final MessagingHandler app;
    private final ConnectionDriver driver;

    GuardedHandler(MessagingHandler app, ConnectionDriver driver) {
        this.app = app;
        this.driver = driver;
    }

    @Override
    public void onContainerStart(Container container) {
        try {
            app.onContainerStart(container);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onContainerStop(Container container) {
        try {
            app.onContainerStop(container);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onMessage(Delivery delivery, Message message) {
        try {
            app.onMessage(delivery, message);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onMessageDecodeError(Delivery delivery, ErrorCondition error) {
        try {
            app.onMessageDecodeError(delivery, error);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onSendable(Sender sender) {
        try {
            app.onSendable(sender);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onTransportOpen(Transport transport) {
        try {
            app.onTransportOpen(transport);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onTransportClose(Transport transport) {
        try {
            app.onTransportClose(transport);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onTransportError(Transport transport) {
        try {
            app.onTransportError(transport);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onConnectionOpen(Connection connection) {
        try {
            app.onConnectionOpen(connection);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onConnectionClose(Connection connection) {
        try {
            app.onConnectionClose(connection);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onConnectionError(Connection connection) {
        try {
            app.onConnectionError(connection);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onSessionOpen(Session session) {
        try {
            app.onSessionOpen(session);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onSessionClose(Session session) {
        try {
            app.onSessionClose(session);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onSessionError(Session session) {
        try {
            app.onSessionError(session);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onReceiverOpen(Receiver receiver) {
        try {
            app.onReceiverOpen(receiver);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onReceiverDetach(Receiver receiver) {
        try {
            app.onReceiverDetach(receiver);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onReceiverClose(Receiver receiver) {
        try {
            app.onReceiverClose(receiver);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onReceiverError(Receiver receiver) {
        try {
            app.onReceiverError(receiver);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onSenderOpen(Sender sender) {
        try {
            app.onSenderOpen(sender);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onSenderDetach(Sender sender) {
        try {
            app.onSenderDetach(sender);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onSenderClose(Sender sender) {
        try {
            app.onSenderClose(sender);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onSenderError(Sender sender) {
        try {
            app.onSenderError(sender);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onTrackerAccept(Tracker tracker) {
        try {
            app.onTrackerAccept(tracker);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onTrackerReject(Tracker tracker) {
        try {
            app.onTrackerReject(tracker);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onTrackerRelease(Tracker tracker) {
        try {
            app.onTrackerRelease(tracker);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onTrackerSettle(Tracker tracker) {
        try {
            app.onTrackerSettle(tracker);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onDeliverySettle(Delivery delivery) {
        try {
            app.onDeliverySettle(delivery);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onSenderDrainStart(Sender sender) {
        try {
            app.onSenderDrainStart(sender);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onReceiverDrainFinish(Receiver receiver) {
        try {
            app.onReceiverDrainFinish(receiver);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onConnectionWake(Connection connection) {
        try {
            app.onConnectionWake(connection);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }

    @Override
    public void onError(ErrorCondition condition) {
        try {
            app.onError(condition);
        } catch (RuntimeException | Error e) {
            driver.applicationFailed(e);
            throw e;
        }
    }
}
