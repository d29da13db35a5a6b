package io.jproton.internal.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** JFR: a connection closed because of a protocol error (ours to detect or the peer's to report). */
@Name("io.jproton.ProtocolError")
@Label("AMQP Protocol Error")
@Category({"jproton", "Connection"})
@Description("A connection closed with an AMQP error condition other than a lost socket or a refused authentication")
@StackTrace(false)
public final class ProtocolErrorEvent extends jdk.jfr.Event {
    @Label("Container Id")
    public String containerId;
    @Label("Peer Address")
    public String peer;
    @Label("Error Condition")
    public String condition;
    @Label("Error Description")
    public String description;
    @Label("Sent By Peer")
    @Description("true if the peer closed with this condition, false if this container detected it")
    public boolean remote;
}
