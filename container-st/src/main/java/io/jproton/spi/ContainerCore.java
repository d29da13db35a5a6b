package io.jproton.spi;

import io.jproton.Connection;
import io.jproton.Container;
import io.jproton.ConnectionOptions;
import io.jproton.ErrorCondition;
import io.jproton.ListenHandler;
import io.jproton.Listener;
import io.jproton.ReceiverOptions;
import io.jproton.SenderOptions;
import io.jproton.WorkHandle;
import java.time.Duration;
import java.util.concurrent.locks.Lock;

/**
 * The implementation behind {@link io.jproton.Container}; every method has the meaning of the
 * container method of the same name. Thread-safety as documented by the provider.
 */
public interface ContainerCore {
    /**
     * @param threads threads to serve the container with
     */
    void run(int threads);

    /**
     * @param condition the error to close connections with, or null
     */
    void stop(ErrorCondition condition);

    /**
     * @param autoStop whether run() returns once nothing is left to do
     */
    void autoStop(boolean autoStop);

    /**
     * @param url the URL
     * @param options the options, or null
     * @return the connection
     */
    Connection connect(String url, ConnectionOptions options);

    /**
     * @param url the URL
     * @param handler the listen handler
     * @param options options for accepted connections, or null
     * @return the listener
     */
    Listener listen(String url, ListenHandler handler, ConnectionOptions options);

    /**
     * @param url the URL, its path the sender's address
     * @param options sender options, or null
     * @param connectionOptions connection options, or null
     * @return the sender, on a new connection
     */
    io.jproton.Sender openSender(String url, io.jproton.SenderOptions options, ConnectionOptions connectionOptions);

    /**
     * @param url the URL, its path the receiver's address
     * @param options receiver options, or null
     * @param connectionOptions connection options, or null
     * @return the receiver, on a new connection
     */
    io.jproton.Receiver openReceiver(String url, ReceiverOptions options, ConnectionOptions connectionOptions);

    /**
     * @return the container's own work queue
     */
    io.jproton.WorkQueue workQueue();

    /**
     * @return a new work queue, serialized on its own
     */
    io.jproton.WorkQueue newWorkQueue();

    /**
     * @param delay the delay
     * @param work the work
     * @return the handle
     */
    WorkHandle schedule(Duration delay, Runnable work);

    /**
     * @return the container id
     */
    String id();

    /**
     * @param o defaults for outgoing connections
     */
    void clientConnectionOptions(ConnectionOptions o);

    /**
     * @return a copy of the defaults for outgoing connections
     */
    ConnectionOptions clientConnectionOptions();

    /**
     * @param o defaults for accepted connections
     */
    void serverConnectionOptions(ConnectionOptions o);

    /**
     * @return a copy of the defaults for accepted connections
     */
    ConnectionOptions serverConnectionOptions();

    /**
     * @param o defaults for senders
     */
    void senderOptions(SenderOptions o);

    /**
     * @return a copy of the defaults for senders
     */
    SenderOptions senderOptions();

    /**
     * @param o defaults for receivers
     */
    void receiverOptions(ReceiverOptions o);

    /**
     * @return a copy of the defaults for receivers
     */
    ReceiverOptions receiverOptions();

    /**
     * @param lock the external lock, or null to remove it
     */
    void externalLock(Lock lock);

    /**
     * @return the provider's name
     */
    String providerName();

    /**
     * @param recorder where the container's connections count, or null; see
     *        {@link Container#metricsRecorder(MetricsRecorder)}
     */
    void metricsRecorder(MetricsRecorder recorder);
}
