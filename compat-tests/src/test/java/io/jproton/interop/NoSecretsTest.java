package io.jproton.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * No password and no URL user-info in anything jproton writes: the broker example and clients run
 * with every logger at TRACE (the frame trace included) and proton-j's {@code PN_TRACE_FRM} set;
 * PLAIN and SCRAM, right and wrong passwords, a malformed URL; everything they print is searched
 * for the secrets.
 */
public class NoSecretsTest {
    private static final String SECRET = "Pa55-never-seen";
    private static final String WRONG = "Wr0ng-never-seen";
    private static final Map<String, String> ENV = Map.of("PN_TRACE_FRM", "1");

    /** Our example on the container this run names, with every logger at TRACE. */
    private static List<String> traced(String example, String... args) {
        String jar = System.getProperty("jproton.examples.jar", "../examples/target/jproton-examples.jar");
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace"));
        String container = System.getProperty("jproton.container");
        if (container != null) {
            cmd.add("-Djproton.container=" + container);
        }
        cmd.addAll(List.of("-jar", jar, example));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static List<String> run(List<String> output, String example, String... args) throws Exception {
        try (Proc p = Proc.start(traced(example, args), ENV)) {
            p.exitCode();
            List<String> out = p.output();
            output.addAll(out);
            return out;
        }
    }

    /** {@code PN_TRACE_FRM=1} alone (loggers at their defaults) prints the frames, as Proton C++ does; without it, none. */
    @Test
    public void pnTraceFrmPrintsFramesOnItsOwn() throws Exception {
        String jar = System.getProperty("jproton.examples.jar", "../examples/target/jproton-examples.jar");
        List<String> cmd = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar, "helloworld");
        List<String> traced;
        try (Proc p = Proc.start(cmd, ENV)) {
            assertEquals(0, p.exitCode());
            traced = p.output();
        }
        assertTrue("Hello World! and the frames: " + traced, traced.contains("Hello World!"));
        assertTrue(traced.toString(), traced.stream().anyMatch(l -> l.matches("\\[.*:0\\] -> Open\\{.*")));
        assertTrue(traced.toString(), traced.stream().anyMatch(l -> l.matches("\\[.*:0\\] <- Open\\{.*")));
        assertTrue(traced.toString(), traced.stream().anyMatch(l -> l.matches("\\[.*:\\d+\\] -> Transfer\\{.*")));
        List<String> quiet;
        try (Proc p = Proc.start(cmd, Map.of())) {
            assertEquals(0, p.exitCode());
            quiet = p.output();
        }
        assertEquals("without PN_TRACE_FRM: " + quiet, List.of("Hello World!"), quiet);
    }

    @Test
    public void nothingPrintsAPasswordAtTrace() throws Exception {
        String users = Files.createTempDirectory("jproton-secrets").resolve("users").toString();
        List<String> all = new ArrayList<>();
        run(all, "broker", "--add-user", users, "alice", SECRET);
        try (Proc broker = Proc.start(traced("broker", "-a", "127.0.0.1:0", "--users", users, "--allow-insecure"), ENV)) {
            String port = broker.await("broker listening on (\\d+)");
            String at = "@127.0.0.1:" + port;
            List<String> plain = run(all, "simple_connect", "-a", "amqp://alice:" + SECRET + at, "-i", "-m", "PLAIN");
            run(all, "simple_connect", "-a", "amqp://alice:" + WRONG + at, "-i", "-m", "PLAIN");
            run(all, "simple_connect", "-a", "amqp://alice:" + SECRET + at);
            run(all, "simple_connect", "-a", "amqp://alice:" + WRONG + at);
            run(all, "simple_connect", "-a", "127.0.0.1:" + port, "-u", "alice", "-p", SECRET, "-i", "-m", "PLAIN");
            List<String> badUrl = run(all, "simple_connect", "-a", "amqp://alice:" + SECRET + "@host:x");
            run(all, "simple_connect", "-a", "amqp://alice:" + SECRET + "%zz@host");
            all.addAll(broker.output());
            assertTrue("the trace is on: " + plain, plain.stream().anyMatch(l -> l.contains("SaslInit{mechanism=PLAIN,"
                    + " initialResponse=<")));
            assertTrue("the broker traces what it receives", broker.output().stream().anyMatch(l -> l.contains("<- SaslInit")));
            assertEquals(badUrl.toString(), 1, badUrl.stream().filter(l -> l.contains("bad URL 'amqp://***@host:x': bad port 'x'"))
                    .count());
        }
        for (String line : all) {
            for (String secret : new String[] {SECRET, WRONG, "Pa55", "Wr0ng", "alice:"}) {
                assertFalse("a secret in: " + line, line.contains(secret));
            }
        }
    }
}
