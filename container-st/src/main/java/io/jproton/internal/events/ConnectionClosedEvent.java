package io.jproton.internal.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** JFR: a connection's transport closed for good; its duration is the connection's life from the socket connect. */
@Name("io.jproton.ConnectionClosed")
@Label("AMQP Connection Closed")
@Category({"jproton", "Connection"})
@Description("A connection's transport closed for good (no reconnect follows); the duration is its life")
@StackTrace(false)
public final class ConnectionClosedEvent extends jdk.jfr.Event {
    @Label("Container Id")
    public String containerId;
    @Label("Peer Address")
    public String peer;
    @Label("Local Address")
    public String local;
    @Label("Accepted")
    public boolean accepted;
    @Label("Error Condition")
    @Description("the AMQP condition the connection closed with; null for a clean close")
    public String condition;
    @Label("Error Description")
    public String description;
}
