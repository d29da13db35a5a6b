package io.jproton.internal.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** JFR: an AMQP connection opened at both ends; its duration runs from the socket connect (or accept). */
@Name("io.jproton.ConnectionOpened")
@Label("AMQP Connection Opened")
@Category({"jproton", "Connection"})
@Description("An AMQP connection opened at both ends; the duration runs from the socket connect or accept")
@StackTrace(false)
public final class ConnectionOpenedEvent extends jdk.jfr.Event {
    @Label("Container Id")
    public String containerId;
    @Label("Peer Address")
    @Description("host:port of the peer")
    public String peer;
    @Label("Local Address")
    public String local;
    @Label("Accepted")
    @Description("true for a connection a listener accepted, false for one this container made")
    public boolean accepted;
    @Label("TLS")
    @Description("protocol, cipher and peer subject; null without TLS")
    public String tls;
}
