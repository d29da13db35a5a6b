package io.jproton.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An Apache Artemis broker embedded in the test JVM: persistence and security off, one AMQP
 * acceptor on an ephemeral loopback port, and anycast routing by default for auto-created
 * addresses (without it, messages sent to a new address are dropped).
 */
final class Artemis implements AutoCloseable {
    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final int port;

    Artemis() throws Exception {
        this(0);
    }

    /** @param port the port to listen on, 0 for an ephemeral one (a restarted broker reuses its port) */
    Artemis(int listenPort) throws Exception {
        this(listenPort, "", null);
    }

    /**
     * @param listenPort the port, 0 for an ephemeral one
     * @param acceptorParams more acceptor parameters, each starting with ';' (such as {@code ;saslMechanisms=...})
     * @param security the security manager (security on), or null for security off
     */
    Artemis(int listenPort, String acceptorParams,
            org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager security) throws Exception {
        this(listenPort, acceptorParams, security, Files.createTempDirectory("artemis"), false, null);
    }

    /**
     * A broker that keeps durable messages in a journal under {@code dir}: stopped and started
     * again on the same port and folder, it still has them.
     *
     * @param listenPort the port, 0 for an ephemeral one
     * @param dir the broker's folder (journal, bindings)
     * @param plugin a broker plugin (such as one that counts connections), or null
     */
    static Artemis persistent(int listenPort, Path dir,
            org.apache.activemq.artemis.core.server.plugin.ActiveMQServerBasePlugin plugin) throws Exception {
        return new Artemis(listenPort, "", null, dir, true, plugin);
    }

    /**
     * A broker without persistence, with a plugin.
     *
     * @param plugin a broker plugin, or null
     */
    static Artemis withPlugin(org.apache.activemq.artemis.core.server.plugin.ActiveMQServerBasePlugin plugin) throws Exception {
        return new Artemis(0, "", null, Files.createTempDirectory("artemis"), false, plugin);
    }

    private Artemis(int listenPort, String acceptorParams,
            org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager security, Path dir, boolean persistent,
            org.apache.activemq.artemis.core.server.plugin.ActiveMQServerBasePlugin plugin) throws Exception {
        ConfigurationImpl cfg = new ConfigurationImpl();
        cfg.setPersistenceEnabled(persistent);
        if (plugin != null) {
            cfg.registerBrokerPlugin(plugin);
        }
        cfg.setSecurityEnabled(security != null);
        if (security != null) {
            broker.setSecurityManager(security);
        }
        cfg.setJMXManagementEnabled(false);
        cfg.setBrokerInstance(dir.toFile());
        cfg.addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + listenPort + "?protocols=AMQP" + acceptorParams);
        cfg.addAddressSetting("#", new AddressSettings()
                .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                .setDefaultQueueRoutingType(RoutingType.ANYCAST)
                .setAutoCreateAddresses(true)
                .setAutoCreateQueues(true));
        broker.setConfiguration(cfg);
        broker.start();
        port = ((NettyAcceptor) broker.getActiveMQServer().getRemotingService().getAcceptor("amqp")).getActualPort();
    }

    int port() {
        return port;
    }

    /** @return the broker itself (address settings, connections, counters) */
    org.apache.activemq.artemis.core.server.ActiveMQServer server() {
        return broker.getActiveMQServer();
    }

    String url(String address) {
        return "127.0.0.1:" + port + "/" + address;
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
