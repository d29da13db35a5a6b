package io.jproton.interop;

import static org.junit.Assert.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Assume;

/**
 * Where the peers live: our examples jar, the Proton C++ examples (built from Debian's packages on
 * first use) and Debian's Python binding. A missing peer fails the test when the system property
 * {@code jproton.interop.required} is true (as in CI), and skips it otherwise.
 */
final class Peers {
    static final String[] CPP_EXAMPLES = {"helloworld", "simple_send", "simple_recv", "broker", "client", "server",
        "direct_send", "direct_recv", "server_direct", "scheduled_send", "scheduled_send_03", "message_properties",
        "multithreaded_client", "multithreaded_client_flow_control", "sasl_connect", "echo"};
    private static boolean cppBuilt;

    private Peers() {}

    static boolean required() {
        return Boolean.getBoolean("jproton.interop.required");
    }

    static void missing(String what) {
        if (required()) {
            fail(what + " is missing, and jproton.interop.required is set (run .ci/install-peers.sh)");
        }
        Assume.assumeTrue(what + " is missing: interop test skipped (run .ci/install-peers.sh)", false);
    }

    /** @return the command that runs one of our examples */
    static List<String> ours(String example, String... args) {
        return oursOn(null, example, args);
    }

    /**
     * @param container "st" or "mt" to name the container, or null for the jar's default (multi-threaded)
     * @return the command that runs one of our examples
     */
    static List<String> oursOn(String container, String example, String... args) {
        // JPROTON_EXAMPLES_JAR runs the peers of another build (to compare before and after a change)
        String jar = System.getenv("JPROTON_EXAMPLES_JAR") != null ? System.getenv("JPROTON_EXAMPLES_JAR")
                : System.getProperty("jproton.examples.jar", "../examples/target/jproton-examples.jar");
        if (!new File(jar).isFile()) {
            fail("examples jar not built: " + jar + " (run mvn package first)");
        }
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
        if (container != null) {
            cmd.add("-Djproton.container=" + container);
        }
        cmd.addAll(List.of("-jar", jar, example));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** @return the command that runs one of the Proton C++ examples */
    static synchronized List<String> cpp(String example, String... args) throws IOException, InterruptedException {
        Path dir = Paths.get(System.getProperty("jproton.cpp.dir", "target/cpp"));
        if (!cppBuilt) {
            if (!Files.isDirectory(Paths.get("/usr/share/proton/docs/api-cpp")) || !Files.exists(Paths.get("/usr/include/proton/container.hpp"))
                    || !onPath("g++")) {
                missing("Proton C++ (libqpid-proton-cpp12-dev, libqpid-proton-cpp12-dev-doc, g++)");
            }
            List<String> cmd = new ArrayList<>(List.of("bash", "src/test/cpp/build-examples.sh", dir.toString()));
            cmd.addAll(Arrays.asList(CPP_EXAMPLES));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                fail("building the C++ examples failed: " + out);
            }
            cppBuilt = true;
        }
        List<String> cmd = new ArrayList<>(List.of(dir.resolve(example).toString()));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** @return the command that runs a Python script with Debian's python3 and its proton binding */
    static List<String> python(String script, String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import proton").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            missing("Python proton (python3-qpid-proton for /usr/bin/python3)");
        }
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "src/test/python/" + script));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Paths.get(d, program))) {
                return true;
            }
        }
        return false;
    }

    /** @return the lines {"sequence"=1} .. {"sequence"=n}, as both C++ and our simple_recv print them */
    static List<String> sequenceLines(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add("{\"sequence\"=" + i + "}");
        }
        return out;
    }

    /**
     * Runs scheduled_send and scheduled_send_03 (ours or the C++ ones) through our broker and checks
     * that each printed only {@code send} tokens, at least three of them.
     */
    static void checkScheduledSenders(boolean cpp) throws Exception {
        for (String example : new String[] {"scheduled_send", "scheduled_send_03"}) {
            try (Proc broker = Proc.start(ours("broker", "-a", "127.0.0.1:0"))) {
                String port = broker.await("broker listening on (\\d+)");
                // 2 s at one send per 100 ms: about 20 sends; 3 leaves room for a loaded machine's pauses
                String[] args = {"-a", "127.0.0.1:" + port + "/examples", "-i", "0.1", "-t", "2"};
                try (Proc p = Proc.start(cpp ? cpp(example, args) : ours(example, args))) {
                    List<String> out = p.finish();
                    org.junit.Assert.assertTrue(example + " made some sends: " + out, out.size() >= 3);
                    for (String line : out) {
                        org.junit.Assert.assertEquals("send", line);
                    }
                }
            }
        }
    }

    /**
     * Runs one side's multithreaded_client (10 messages) and multithreaded_client_flow_control
     * (100 messages on each of 3 thread pairs; ours also with {@code --pool}: 10 messages through a
     * pool of 2 connections, and 8 sending threads sharing a pool of 3) through a broker, checking
     * the C++ expectations:
     * every message received, and the closing "N messages sent and received" line.
     *
     * @param cpp true for the C++ programs, false for ours
     * @param url the broker's host:port
     */
    static void checkMultithreadedClients(boolean cpp, String url) throws Exception {
        String[][] runs = cpp ? new String[][] {{"multithreaded_client", url, "examples", "10"},
            {"multithreaded_client_flow_control", url, "examples", "100", "3"}}
            // ours also with --pool: the sending threads share a SenderPool of C connections
            : new String[][] {{"multithreaded_client", url, "examples", "10"},
            {"multithreaded_client_flow_control", url, "examples", "100", "3"},
            {"multithreaded_client", url, "examples", "10", "--pool", "2"},
            {"multithreaded_client_flow_control", url, "examples", "100", "8", "--pool", "3"}};
        int[] expected = {10, 300, 10, 800};
        for (int i = 0; i < runs.length; i++) {
            String[] args = Arrays.copyOfRange(runs[i], 1, runs[i].length);
            try (Proc client = Proc.start(cpp ? cpp(runs[i][0], args) : ours(runs[i][0], args))) {
                List<String> out = client.finish();
                org.junit.Assert.assertEquals(expected[i] + " messages sent and received", out.get(out.size() - 1));
                org.junit.Assert.assertEquals(String.join("\n", out), expected[i],
                        out.stream().filter(l -> l.matches("(\\d+ )?received \".*\"")).count());
            }
        }
    }
}
