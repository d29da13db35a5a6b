package io.jproton;

import java.util.List;
import java.util.Map;

/**
 * An AMQP connection, as {@code proton::connection}.
 *
 * <p>Thread-safety: confined to the connection's context (its callbacks, its work queue, or a
 * thread holding the single-threaded container's external lock), except {@link #wake()}, which
 * any thread may call at any time.
 */
public interface Connection extends Endpoint {
    /** Opens the connection with the options given at connect time. */
    void open();

    /**
     * Opens the connection.
     *
     * @param options options applied over the container's defaults
     */
    void open(ConnectionOptions options);

    /**
     * @return the default session, opened on first use
     */
    Session defaultSession();

    /**
     * @return a new open session
     */
    Session openSession();

    /**
     * @param options the session's options
     * @return a new open session
     */
    Session openSession(SessionOptions options);

    /**
     * @param address the target address
     * @return a new sender on the default session
     */
    Sender openSender(String address);

    /**
     * @param address the target address
     * @param options the sender's options
     * @return a new sender on the default session
     */
    Sender openSender(String address, SenderOptions options);

    /**
     * @param address the source address
     * @return a new receiver on the default session
     */
    Receiver openReceiver(String address);

    /**
     * @param address the source address
     * @param options the receiver's options
     * @return a new receiver on the default session
     */
    Receiver openReceiver(String address, ReceiverOptions options);

    /**
     * @return this connection's sessions, local and remote, in order of creation
     */
    List<Session> sessions();

    /**
     * @return this connection's senders
     */
    List<Sender> senders();

    /**
     * @return this connection's receivers
     */
    List<Receiver> receivers();

    /**
     * @return the peer's container id, empty until the peer's open arrives
     */
    String containerId();

    /**
     * @return the virtual host: the one the peer sent in its open frame (server side), else the one we send (the URL's host by default)
     */
    String virtualHost();

    /**
     * The authenticated user, as C++ {@code connection::user()}: on a listener's connection, the user
     * name its {@link Authenticator} returned ({@code anonymous}, or a certificate subject, without
     * one); on a client, the user it logs in as, or {@code anonymous} once a server accepted it with
     * ANONYMOUS (Proton C++ keeps reporting the configured user there). Stable from
     * {@code onConnectionOpen}.
     *
     * @return the user; empty if none
     */
    String user();

    /**
     * As C++ {@code connection::properties()}: the peer's connection properties. Their keys are
     * AMQP symbols, given as their text (as {@link Link#properties()} and the options' properties).
     *
     * @return the peer's connection properties, possibly empty; a copy
     */
    Map<String, Object> properties();

    /**
     * @return the largest frame the peer accepts (from its open frame), 0 before it has opened
     */
    int maxFrameSize();

    /**
     * As C++ {@code connection::max_sessions()}: the most sessions the peer allows on this
     * connection (its channel-max + 1, from its open frame).
     *
     * @return the most sessions, 0 before the peer has opened
     */
    int maxSessions();

    /**
     * As C++ {@code connection::sender_options()}: the default options for senders opened on this
     * connection (the container's {@link Container#senderOptions() sender defaults}; jproton has
     * no per-connection link defaults).
     *
     * @return a copy of the defaults
     */
    SenderOptions senderOptions();

    /**
     * As C++ {@code connection::receiver_options()}: the default options for receivers opened on
     * this connection (the container's {@link Container#receiverOptions() receiver defaults}).
     *
     * @return a copy of the defaults
     */
    ReceiverOptions receiverOptions();

    /**
     * @return the idle timeout the peer asked for (from its open frame), zero for none
     */
    java.time.Duration idleTimeout();

    /**
     * @return the capabilities the peer offered in its open frame, possibly empty
     */
    List<String> offeredCapabilities();

    /**
     * @return the capabilities the peer asked for in its open frame, possibly empty
     */
    List<String> desiredCapabilities();

    /**
     * Updates the options of an open connection, as C++ {@code update_options}: reconnect and
     * failover settings apply to the next loss; settings of the open frame apply to the next
     * reconnect.
     *
     * @param options options whose set fields win
     */
    void updateOptions(ConnectionOptions options);

    /**
     * @return true if this connection has been re-established by the reconnect logic (see ConnectionOptions)
     */
    boolean reconnected();

    /**
     * @return the network transport under this connection
     */
    Transport transport();

    /**
     * Asks for a call of {@link MessagingHandler#onConnectionWake(Connection)} in this
     * connection's context. The only method of the single-threaded container that any thread may
     * call at any time. Calls may be coalesced into one callback; a wake is never lost, but a
     * wake on a connection that has already finished has no effect.
     */
    @ThreadSafe
    void wake();
}
