package io.jproton.internal.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** JFR: a connection reconnected; its duration runs from the loss of the transport to the new open. */
@Name("io.jproton.Reconnect")
@Label("AMQP Reconnect")
@Category({"jproton", "Connection"})
@Description("A lost connection opened again (ConnectionOptions.reconnect); the duration runs from the loss")
@StackTrace(false)
public final class ReconnectEvent extends jdk.jfr.Event {
    @Label("Container Id")
    public String containerId;
    @Label("Peer Address")
    @Description("host:port the connection opened to again")
    public String peer;
    @Label("Attempts")
    public int attempts;
    @Label("Cause")
    @Description("the error the transport was lost with")
    public String cause;
}
