package io.jproton.compat;

import io.jproton.Connection;
import io.jproton.Container;
import io.jproton.Delivery;
import io.jproton.Message;
import io.jproton.MessagingHandler;
import io.jproton.Receiver;
import io.jproton.Sender;
import io.jproton.Session;
import io.jproton.Tracker;
import io.jproton.Transport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A handler that records the name of every callback, in order, and the thread it ran on. */
class Recorder implements MessagingHandler {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());

    void record(String e) {
        events.add(e);
        threads.add(Thread.currentThread());
    }

    List<String> events() {
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    @Override public void onContainerStart(Container c) { record("container_start"); }
    @Override public void onContainerStop(Container c) { record("container_stop"); }
    @Override public void onMessage(Delivery d, Message m) { record("message"); }
    @Override public void onSendable(Sender s) { record("sendable"); }
    @Override public void onTransportOpen(Transport t) { record("transport_open"); }
    @Override public void onTransportClose(Transport t) { record("transport_close"); }
    @Override public void onTransportError(Transport t) { record("transport_error"); }
    @Override public void onConnectionOpen(Connection c) { record("connection_open"); }
    @Override public void onConnectionClose(Connection c) { record("connection_close"); }
    @Override public void onConnectionError(Connection c) { record("connection_error"); }
    @Override public void onSessionOpen(Session s) { record("session_open"); }
    @Override public void onSessionClose(Session s) { record("session_close"); }
    @Override public void onSessionError(Session s) { record("session_error"); }
    @Override public void onReceiverOpen(Receiver r) { record("receiver_open"); }
    @Override public void onReceiverDetach(Receiver r) { record("receiver_detach"); }
    @Override public void onReceiverClose(Receiver r) { record("receiver_close"); }
    @Override public void onReceiverError(Receiver r) { record("receiver_error"); }
    @Override public void onSenderOpen(Sender s) { record("sender_open"); }
    @Override public void onSenderDetach(Sender s) { record("sender_detach"); }
    @Override public void onSenderClose(Sender s) { record("sender_close"); }
    @Override public void onSenderError(Sender s) { record("sender_error"); }
    @Override public void onTrackerAccept(Tracker t) { record("tracker_accept"); }
    @Override public void onTrackerReject(Tracker t) { record("tracker_reject"); }
    @Override public void onTrackerRelease(Tracker t) { record("tracker_release"); }
    @Override public void onTrackerSettle(Tracker t) { record("tracker_settle"); }
    @Override public void onDeliverySettle(Delivery d) { record("delivery_settle"); }
    @Override public void onSenderDrainStart(Sender s) { record("sender_drain_start"); }
    @Override public void onReceiverDrainFinish(Receiver r) { record("receiver_drain_finish"); }
    @Override public void onConnectionWake(Connection c) { record("connection_wake"); }
    @Override public void onError(io.jproton.ErrorCondition c) { record("error"); }
}
