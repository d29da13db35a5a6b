package io.jproton;

/**
 * Receives the events of a container and of everything in it: the Java form of
 * {@code proton::messaging_handler}. Override the callbacks you need; every default does what
 * the Proton C++ default does.
 *
 * <p>Defaults, as in Proton C++: every {@code on*Error} callback calls {@link #onError}, whose
 * default throws {@link ProtonException} (which stops the container and makes
 * {@link Container#run()} throw). An endpoint that the peer opens is opened locally after its
 * {@code on*Open} callback unless the callback opened or closed it; an endpoint that the peer
 * closes is closed locally after its {@code on*Close} callback. Receivers keep a credit window
 * (default 10; 0 means the application grants credit itself) topped up; received messages are
 * accepted automatically and sent deliveries settled automatically unless the link options
 * turn that off.
 *
 * <p>Threading: callbacks of one connection never run concurrently and each happens-before the
 * next. In the single-threaded container every callback runs on the thread that called
 * {@link Container#run()}; in the multi-threaded container callbacks of different connections may
 * run in parallel, so a handler shared by several connections must guard its own state. The
 * handler object itself need not be thread-safe otherwise. The same compiled handler runs on both
 * containers.
 */
public interface MessagingHandler {
    /**
     * The container has started; called once, before any other callback.
     *
     * @param container the container
     */
    default void onContainerStart(Container container) {}

    /**
     * The container has stopped; the last callback.
     *
     * @param container the container
     */
    default void onContainerStop(Container container) {}

    /**
     * A message has arrived.
     *
     * @param delivery its delivery
     * @param message the decoded message
     */
    default void onMessage(Delivery delivery, Message message) {}

    /**
     * A delivery has arrived whose message cannot be decoded: its bytes are not a valid AMQP 1.0
     * message (a malformed or truncated section, an unknown section, a value nested deeper than
     * the decoder allows). It costs that delivery only: after this callback, unless the callback
     * settled the delivery itself ({@link Delivery#release()}, say), the delivery is rejected with
     * {@code error} and settled, and the link goes on. {@link #onMessage} is not called for it.
     * Proton C++ has no such callback (its decoder throws out of its event loop); this is where
     * jproton keeps one peer's bad message from stopping the container.
     *
     * <p>The default logs a warning (logger {@code io.jproton.delivery}) naming the receiver and the
     * error. Throwing from here stops the container, as from any callback.
     *
     * @param delivery the delivery, unsettled
     * @param error why it cannot be decoded: {@code amqp:decode-error} and a description
     */
    default void onMessageDecodeError(Delivery delivery, ErrorCondition error) {
        io.jproton.internal.engine.DeliveryLog.undecodable(delivery, error);
    }

    /**
     * The sender has credit and may send.
     *
     * @param sender the sender
     */
    default void onSendable(Sender sender) {}

    /**
     * The underlying network transport is open (connected, or accepted).
     *
     * @param transport the transport
     */
    default void onTransportOpen(Transport transport) {}

    /**
     * The underlying network transport has closed; the connection's last callback.
     *
     * @param transport the transport
     */
    default void onTransportClose(Transport transport) {}

    /**
     * The transport closed with an error; calls {@link #onError}.
     *
     * @param transport the transport
     */
    default void onTransportError(Transport transport) {
        onError(transport.error());
    }

    /**
     * The peer opened the connection.
     *
     * @param connection the connection
     */
    default void onConnectionOpen(Connection connection) {}

    /**
     * The peer closed the connection.
     *
     * @param connection the connection
     */
    default void onConnectionClose(Connection connection) {}

    /**
     * The peer closed the connection with an error; calls {@link #onError}.
     *
     * @param connection the connection
     */
    default void onConnectionError(Connection connection) {
        onError(connection.error());
    }

    /**
     * The peer opened the session.
     *
     * @param session the session
     */
    default void onSessionOpen(Session session) {}

    /**
     * The peer closed the session.
     *
     * @param session the session
     */
    default void onSessionClose(Session session) {}

    /**
     * The peer closed the session with an error; calls {@link #onError}.
     *
     * @param session the session
     */
    default void onSessionError(Session session) {
        onError(session.error());
    }

    /**
     * The peer opened the receiving link.
     *
     * @param receiver the receiver
     */
    default void onReceiverOpen(Receiver receiver) {}

    /**
     * The peer detached the receiving link without closing it.
     *
     * @param receiver the receiver
     */
    default void onReceiverDetach(Receiver receiver) {}

    /**
     * The peer closed the receiving link.
     *
     * @param receiver the receiver
     */
    default void onReceiverClose(Receiver receiver) {}

    /**
     * The peer closed the receiving link with an error; calls {@link #onError}.
     *
     * @param receiver the receiver
     */
    default void onReceiverError(Receiver receiver) {
        onError(receiver.error());
    }

    /**
     * The peer opened the sending link.
     *
     * @param sender the sender
     */
    default void onSenderOpen(Sender sender) {}

    /**
     * The peer detached the sending link without closing it.
     *
     * @param sender the sender
     */
    default void onSenderDetach(Sender sender) {}

    /**
     * The peer closed the sending link.
     *
     * @param sender the sender
     */
    default void onSenderClose(Sender sender) {}

    /**
     * The peer closed the sending link with an error; calls {@link #onError}.
     *
     * @param sender the sender
     */
    default void onSenderError(Sender sender) {
        onError(sender.error());
    }

    /**
     * The peer accepted a sent message.
     *
     * @param tracker the message's tracker
     */
    default void onTrackerAccept(Tracker tracker) {}

    /**
     * The peer rejected a sent message.
     *
     * @param tracker the message's tracker
     */
    default void onTrackerReject(Tracker tracker) {}

    /**
     * The peer released (or modified) a sent message.
     *
     * @param tracker the message's tracker
     */
    default void onTrackerRelease(Tracker tracker) {}

    /**
     * The peer settled a sent message.
     *
     * @param tracker the message's tracker
     */
    default void onTrackerSettle(Tracker tracker) {}

    /**
     * The peer settled a received message.
     *
     * @param delivery the message's delivery
     */
    default void onDeliverySettle(Delivery delivery) {}

    /**
     * The peer asked the sender to drain its credit: send what it can, then {@link Sender#returnCredit()}.
     *
     * @param sender the sender
     */
    default void onSenderDrainStart(Sender sender) {}

    /**
     * A drain that this receiver asked for has finished: its credit is zero.
     *
     * @param receiver the receiver
     */
    default void onReceiverDrainFinish(Receiver receiver) {}

    /**
     * Some thread called {@link Connection#wake()}. Wakes may be coalesced (several calls, one
     * callback) and may be spurious; a wake is never lost.
     *
     * @param connection the connection that was woken
     */
    default void onConnectionWake(Connection connection) {}

    /**
     * Fallback for every error callback that is not overridden. The default throws
     * {@link ProtonException}, which stops the container.
     *
     * @param condition the error
     */
    default void onError(ErrorCondition condition) {
        throw new ProtonException(condition);
    }
}
