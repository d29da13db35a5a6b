package io.jproton.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ node from Debian's {@code rabbitmq-server} (3.10) with its AMQP 1.0 plugin, started
 * as a separate process for one test class and stopped afterwards: its own node name, ports
 * (AMQP, Erlang distribution, the CLI's distribution, epmd), and folders (data, logs, config,
 * plugins file, Erlang cookie) under {@code target/rabbitmq/}; nothing of the machine's own
 * RabbitMQ (its {@code /etc/rabbitmq} or {@code /var/lib/rabbitmq}) is read or written.
 *
 * <p>It runs RabbitMQ's own start script ({@code /usr/lib/rabbitmq/bin/rabbitmq-server}) as the
 * test's user: Debian's {@code /usr/sbin} wrapper would switch to the {@code rabbitmq} user (so the
 * folders would have to belong to it) and reset {@code HOME}, where the Erlang cookie that
 * {@code rabbitmqctl} needs lives. The AMQP 1.0 plugin is enabled offline, the AMQP listener is on
 * 127.0.0.1 only; the default user {@code guest} (also what AMQP 1.0's ANONYMOUS maps to) may connect.
 */
final class RabbitMq implements AutoCloseable {
    static final Path SCRIPTS = Paths.get("/usr/lib/rabbitmq/bin");
    private static final long STOP_SECONDS = 30;

    private final Map<String, String> env = new HashMap<>();
    private final Proc server;
    private final int port;
    private final int epmdPort;

    /** @return true if Debian's rabbitmq-server with the AMQP 1.0 plugin is installed */
    static boolean installed() {
        if (!Files.isExecutable(SCRIPTS.resolve("rabbitmq-server"))) {
            return false;
        }
        try (var plugins = Files.list(Paths.get("/usr/lib/rabbitmq/lib"))) {
            return plugins.anyMatch(d -> Files.isDirectory(d.resolve("plugins")) && hasAmqp10(d.resolve("plugins")));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hasAmqp10(Path plugins) {
        try (var l = Files.list(plugins)) {
            return l.anyMatch(p -> p.getFileName().toString().startsWith("rabbitmq_amqp1_0-"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts a node, or fails (skips, unless interop is required) if RabbitMQ is not installed. */
    static RabbitMq start(String name) throws Exception {
        if (!installed()) {
            Peers.missing("RabbitMQ 3.10 with its AMQP 1.0 plugin (Debian's rabbitmq-server)");
        }
        return new RabbitMq(name);
    }

    private RabbitMq(String name) throws Exception {
        Path base = Paths.get("target", "rabbitmq");
        Files.createDirectories(base);
        Path dir = Files.createTempDirectory(base, name + "-").toAbsolutePath();
        int[] ports = ArtemisServers.freePorts(4);
        port = ports[0];
        epmdPort = ports[2];
        Files.writeString(dir.resolve("rabbitmq-env.conf"), "");
        Files.writeString(dir.resolve("rabbitmq.conf"), String.join("\n",
                "listeners.tcp.1 = 127.0.0.1:" + port,
                "log.console = false",
                "log.file.level = info",
                "") );
        env.put("HOME", dir.toString()); // the Erlang cookie, for the node and rabbitmqctl alike
        env.put("RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString());
        env.put("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString());
        env.put("RABBITMQ_ADVANCED_CONFIG_FILE", dir.resolve("advanced.config").toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
        env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
        env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
        env.put("RABBITMQ_PID_FILE", dir.resolve("rabbitmq.pid").toString());
        env.put("RABBITMQ_NODENAME", "jproton-" + port + "@localhost");
        env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
        env.put("RABBITMQ_NODE_PORT", Integer.toString(port));
        env.put("RABBITMQ_DIST_PORT", Integer.toString(ports[1]));
        env.put("RABBITMQ_CTL_DIST_PORT_MIN", Integer.toString(ports[3]));
        env.put("RABBITMQ_CTL_DIST_PORT_MAX", Integer.toString(ports[3]));
        env.put("ERL_EPMD_PORT", Integer.toString(epmdPort));
        env.put("ERL_EPMD_ADDRESS", "127.0.0.1");
        // what "rabbitmq-plugins --offline enable rabbitmq_amqp1_0" writes (an Erlang term file; the node
        // resolves the plugin's dependencies when it boots). Written here: that command starts an Erlang VM
        // of its own, which on a loaded 2-core machine sometimes did not exit within 30 s after writing it.
        Files.writeString(dir.resolve("enabled_plugins"), "[rabbitmq_amqp1_0].\n", StandardCharsets.UTF_8);
        server = Proc.start(List.of(SCRIPTS.resolve("rabbitmq-server").toString()), env);
        try {
            server.await("completed with \\d+ plugins"); // the end of "Starting broker... completed with 1 plugins."
        } catch (AssertionError e) {
            close();
            throw e;
        }
    }

    /** @return the AMQP port */
    int port() {
        return port;
    }

    /**
     * @param address a RabbitMQ address such as {@code /queue/NAME}
     * @return the URL that names it: {@code 127.0.0.1:PORT//queue/NAME} (a URL's path loses its first '/')
     */
    String url(String address) {
        return "127.0.0.1:" + port + "/" + address;
    }

    /** Runs rabbitmqctl against this node; fails if it fails. */
    List<String> ctl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(SCRIPTS.resolve("rabbitmqctl").toString()));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(new String[0]));
    }

    private List<String> run(String... cmd) throws IOException, InterruptedException {
        try (Proc p = Proc.start(List.of(cmd), env)) {
            return p.finish();
        }
    }

    /** Stops the node (rabbitmqctl stop, then SIGKILL for what is left of its process tree) and its epmd. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (server != null && server.alive()) {
                try (Proc stop = Proc.start(List.of(SCRIPTS.resolve("rabbitmqctl").toString(), "stop"), env)) {
                    stop.exitCode();
                }
                ProcessHandle.of(server.pid()).ifPresent(h -> {
                    try {
                        h.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        h.descendants().forEach(ProcessHandle::destroyForcibly);
                        h.destroyForcibly();
                    }
                });
                if (server.alive()) {
                    server.kill();
                }
            }
        } finally {
            // epmd was started by the node (as a daemon, outside its process tree): stop that one, by its port
            try (Proc epmd = Proc.start(List.of("epmd", "-port", Integer.toString(epmdPort), "-kill"), env)) {
                epmd.exitCode();
            } catch (IOException e) {
                // no epmd on the PATH: the node could not have started one either
            }
        }
    }
}
