package io.jproton.interop;

import java.net.URI;
import java.util.List;
import org.apache.activemq.broker.BrokerPlugin;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.TransportConnector;
import org.apache.activemq.security.AuthenticationUser;
import org.apache.activemq.security.SimpleAuthenticationPlugin;

/**
 * An Apache ActiveMQ Classic 6 broker embedded in the test JVM: persistence and JMX off, one AMQP
 * transport connector on a loopback port (ephemeral, or a given one for a restart), and one user
 * (PLAIN) besides anonymous access.
 */
final class ActiveMq implements AutoCloseable {
    private final BrokerService broker = new BrokerService();
    private final int port;

    /**
     * @param listenPort the port, 0 for an ephemeral one
     * @param user a user name that may log in with {@code password} (anonymous clients may too)
     */
    ActiveMq(int listenPort, String user, String password) throws Exception {
        broker.setBrokerName("jproton-activemq");
        broker.setPersistent(false);
        broker.setUseJmx(false);
        broker.setUseShutdownHook(false);
        broker.setAdvisorySupport(false);
        SimpleAuthenticationPlugin auth = new SimpleAuthenticationPlugin(
                List.of(new AuthenticationUser(user, password, "users")));
        auth.setAnonymousAccessAllowed(true);
        broker.setPlugins(new BrokerPlugin[] {auth});
        TransportConnector amqp = broker.addConnector("amqp://127.0.0.1:" + listenPort);
        broker.start();
        if (!broker.waitUntilStarted(30_000)) {
            broker.stop();
            throw new IllegalStateException("ActiveMQ did not start within 30 s");
        }
        URI uri = amqp.getConnectUri();
        port = uri.getPort();
    }

    int port() {
        return port;
    }

    String url(String address) {
        return "127.0.0.1:" + port + "/" + address;
    }

    @Override
    public void close() throws Exception {
        broker.stop();
        broker.waitUntilStopped();
    }
}
