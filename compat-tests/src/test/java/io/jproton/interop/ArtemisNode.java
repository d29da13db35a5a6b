package io.jproton.interop;

import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.ha.ReplicaPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.ReplicatedPolicyConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.cluster.ClusterConnection;
import org.apache.activemq.artemis.core.server.cluster.impl.MessageLoadBalancingType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * One Apache Artemis 2.44 server in a JVM of its own, started by {@link ArtemisCluster} so that
 * killing it is a real crash. Arguments: {@code ROLE NAME DIR AMQP_PORT CORE_PORT PEER_CORE_PORT},
 * ROLE being {@code live} or {@code backup} (a replicated pair: shared nothing, the backup holds a
 * replica of the live's journal) or {@code node} (one node of a symmetric cluster with
 * message load balancing {@code ON_DEMAND} and redistribution).
 *
 * <p>Persistence is on (replication copies the journal; only durable messages are replicated),
 * with the journal's disk syncs off: the test kills the live process, not the machine, and a
 * message is acknowledged to the sender only once the backup has it. Security is off. The AMQP
 * acceptor listens on 127.0.0.1:AMQP_PORT, the core acceptor (replication and cluster traffic) on
 * CORE_PORT. New addresses get anycast queues.
 *
 * <p>Prints, for the test to await: {@code artemis NAME started}, then for a backup
 * {@code artemis NAME replica in sync} once it holds the live's whole journal and
 * {@code artemis NAME active} once it has taken over; for a cluster node
 * {@code artemis NAME clustered} once the other node is in its topology.
 */
public final class ArtemisNode {
    private ArtemisNode() {}

    /** @param args {@code ROLE NAME DIR AMQP_PORT CORE_PORT PEER_CORE_PORT} */
    public static void main(String[] args) throws Exception {
        String role = args[0];
        String name = args[1];
        File dir = new File(args[2]);
        int amqpPort = Integer.parseInt(args[3]);
        int corePort = Integer.parseInt(args[4]);
        int peerPort = Integer.parseInt(args[5]);

        ConfigurationImpl cfg = new ConfigurationImpl();
        cfg.setName(name);
        cfg.setPersistenceEnabled(true);
        cfg.setSecurityEnabled(false);
        cfg.setJMXManagementEnabled(false);
        cfg.setJournalType(JournalType.NIO);
        cfg.setJournalSyncNonTransactional(false);
        cfg.setJournalSyncTransactional(false);
        cfg.setBrokerInstance(dir);
        cfg.setJournalDirectory(new File(dir, "journal").getPath());
        cfg.setBindingsDirectory(new File(dir, "bindings").getPath());
        cfg.setPagingDirectory(new File(dir, "paging").getPath());
        cfg.setLargeMessagesDirectory(new File(dir, "large-messages").getPath());
        cfg.setClusterUser("jproton-cluster");
        cfg.setClusterPassword("jproton-cluster-test");
        cfg.addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + amqpPort + "?protocols=AMQP");
        cfg.addAcceptorConfiguration("core", "tcp://127.0.0.1:" + corePort + "?protocols=CORE");
        cfg.addConnectorConfiguration("self", connector(corePort));
        cfg.addConnectorConfiguration("peer", connector(peerPort));
        AddressSettings defaults = new AddressSettings()
                .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                .setDefaultQueueRoutingType(RoutingType.ANYCAST)
                .setAutoCreateAddresses(true)
                .setAutoCreateQueues(true);
        ClusterConnectionConfiguration cluster = new ClusterConnectionConfiguration()
                .setName("cluster")
                .setAddress("")
                .setConnectorName("self")
                .setStaticConnectors(List.of("peer"))
                .setRetryInterval(100)
                .setReconnectAttempts(-1)
                .setInitialConnectAttempts(-1)
                .setClientFailureCheckPeriod(1000)
                .setConnectionTTL(5000)
                .setCallTimeout(5000);
        switch (role) {
            case "live" -> {
                cluster.setMessageLoadBalancingType(MessageLoadBalancingType.OFF);
                cfg.setHAPolicyConfiguration(new ReplicatedPolicyConfiguration().setCheckForActiveServer(false)
                        .setInitialReplicationSyncTimeout(30_000));
            }
            case "backup" -> {
                cluster.setMessageLoadBalancingType(MessageLoadBalancingType.OFF);
                cfg.setHAPolicyConfiguration(new ReplicaPolicyConfiguration().setAllowFailBack(false)
                        .setRestartBackup(false).setInitialReplicationSyncTimeout(30_000));
            }
            case "node" -> {
                cluster.setMessageLoadBalancingType(MessageLoadBalancingType.ON_DEMAND);
                defaults.setRedistributionDelay(0);
            }
            default -> throw new IllegalArgumentException("role must be live, backup or node: " + role);
        }
        cfg.addClusterConfiguration(cluster);
        cfg.addAddressSetting("#", defaults);

        Thread orphan = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the test writes nothing; end of input means it is gone
                }
            } catch (java.io.IOException e) {
                // the same
            }
            Runtime.getRuntime().halt(3);
        }, "stdin-watch");
        orphan.setDaemon(true);
        orphan.start();
        EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
        embedded.setConfiguration(cfg);
        embedded.start();
        ActiveMQServer server = embedded.getActiveMQServer();
        say(name + " started");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5); // the test kills us long before
        switch (role) {
            case "backup" -> {
                while (!server.isReplicaSync() && System.nanoTime() < deadline) {
                    Thread.sleep(20); // polling the server's state: nothing to wake us
                }
                say(name + " replica in sync");
                while (!server.waitForActivation(100, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                    // waiting for the live to die
                }
                say(name + " active");
            }
            case "node" -> {
                while (System.nanoTime() < deadline) {
                    ClusterConnection cc = server.getClusterManager().getClusterConnection("cluster");
                    if (cc != null && cc.getTopology().getMembers().size() >= 2) {
                        break;
                    }
                    Thread.sleep(20);
                }
                say(name + " clustered");
            }
            default -> { }
        }
        orphan.join(TimeUnit.NANOSECONDS.toMillis(Math.max(1, deadline - System.nanoTime())));
        Runtime.getRuntime().halt(0);
    }

    private static TransportConfiguration connector(int port) {
        Map<String, Object> params = new HashMap<>();
        params.put(TransportConstants.HOST_PROP_NAME, "127.0.0.1");
        params.put(TransportConstants.PORT_PROP_NAME, port);
        return new TransportConfiguration(NettyConnectorFactory.class.getName(), params);
    }

    private static void say(String line) {
        System.out.println("artemis " + line);
        System.out.flush();
    }
}
