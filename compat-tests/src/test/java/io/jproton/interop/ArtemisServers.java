package io.jproton.interop;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Apache Artemis servers in JVMs of their own ({@link ArtemisNode}, on this test's class path), on
 * ephemeral loopback ports, with their journals under {@code target/artemis-ha/}: a replicated
 * live/backup pair, or a two-node symmetric cluster. Killing a node is a crash
 * ({@code destroyForcibly}: SIGKILL); {@link #close()} kills whatever is left.
 */
final class ArtemisServers implements AutoCloseable {
    /** One server: its process and its AMQP port. */
    record Node(String name, Proc proc, int amqpPort) {
        String url(String address) {
            return "127.0.0.1:" + amqpPort + "/" + address;
        }

        String hostPort() {
            return "127.0.0.1:" + amqpPort;
        }
    }

    private final List<Node> nodes = new ArrayList<>();

    private ArtemisServers() {}

    /**
     * Starts a live server and its replicating backup, and waits until the backup holds the whole
     * journal (until then, losing the live would lose messages).
     */
    static ArtemisServers replicatedPair(String test) throws Exception {
        ArtemisServers s = new ArtemisServers();
        try {
            int[] p = freePorts(4);
            Path dir = directory(test);
            Node live = s.start("live", "live", dir, p[0], p[1], p[3]);
            Node backup = s.start("backup", "backup", dir, p[2], p[3], p[1]);
            live.proc().await("artemis live started");
            backup.proc().await("artemis backup started");
            backup.proc().await("artemis backup replica in sync");
            return s;
        } catch (Exception | Error e) {
            s.close();
            throw e;
        }
    }

    /** Starts two nodes of a symmetric cluster and waits until each has the other in its topology. */
    static ArtemisServers cluster(String test) throws Exception {
        ArtemisServers s = new ArtemisServers();
        try {
            int[] p = freePorts(4);
            Path dir = directory(test);
            Node a = s.start("node", "node-a", dir, p[0], p[1], p[3]);
            Node b = s.start("node", "node-b", dir, p[2], p[3], p[1]);
            a.proc().await("artemis node-a clustered");
            b.proc().await("artemis node-b clustered");
            return s;
        } catch (Exception | Error e) {
            s.close();
            throw e;
        }
    }

    Node node(int i) {
        return nodes.get(i);
    }

    private Node start(String role, String name, Path dir, int amqp, int core, int peerCore) throws IOException {
        List<String> cmd = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"),
                ArtemisNode.class.getName(), role, name, dir.resolve(name).toString(),
                Integer.toString(amqp), Integer.toString(core), Integer.toString(peerCore));
        Node n = new Node(name, Proc.start(cmd), amqp);
        nodes.add(n);
        return n;
    }

    private static Path directory(String test) throws IOException {
        Path base = Paths.get("target", "artemis-ha");
        Files.createDirectories(base);
        return Files.createTempDirectory(base, test + "-");
    }

    /** @return n distinct loopback ports that were free a moment ago */
    static int[] freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            if (n.proc().alive()) {
                try {
                    n.proc().kill();
                } catch (InterruptedException e) {
                    n.proc().close();
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
