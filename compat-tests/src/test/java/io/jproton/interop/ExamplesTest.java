package io.jproton.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

/** Our examples jar, as a user runs it: the C++ examples' expected output, and clear errors for bad options. */
public class ExamplesTest {

    @Test
    public void helloworldWithNoArgumentsNeedsNothingElse() throws Exception {
        try (Proc hello = Proc.start(Peers.ours("helloworld"))) {
            assertEquals(List.of("Hello World!"), hello.finish());
        }
    }

    @Test
    public void unknownOptionsPrintUsageAndExitTwo() throws Exception {
        try (Proc p = Proc.start(Peers.ours("simple_send", "--no-such-option"))) {
            assertEquals(2, p.exitCode());
            String out = String.join("\n", p.output());
            assertTrue(out, out.contains("Usage: simple_send"));
            assertTrue(out, out.contains("unknown option: --no-such-option"));
        }
        try (Proc p = Proc.start(Peers.ours("simple_send", "-m", "lots"))) {
            assertEquals(2, p.exitCode());
            assertTrue(String.join("\n", p.output()).contains("not an integer: 'lots'"));
        }
        try (Proc p = Proc.start(Peers.ours("no_such_example"))) {
            assertEquals(2, p.exitCode());
        }
    }

    @Test
    public void aBadUrlIsAClearErrorAndExitOne() throws Exception {
        try (Proc p = Proc.start(Peers.ours("simple_send", "-a", "amqp://host:notaport/q"))) {
            assertEquals(1, p.exitCode());
            assertTrue(String.join("\n", p.output()), String.join("\n", p.output()).contains("bad port 'notaport'"));
        }
    }

    @Test
    public void simpleSendAndRecvThroughOurBroker() throws Exception {
        try (Proc broker = Proc.start(Peers.ours("broker", "-a", "127.0.0.1:0"))) {
            String port = broker.await("broker listening on (\\d+)");
            String url = "127.0.0.1:" + port + "/examples";
            try (Proc send = Proc.start(Peers.ours("simple_send", "-a", url, "-m", "100"))) {
                assertEquals(List.of("all messages confirmed"), send.finish());
            }
            try (Proc recv = Proc.start(Peers.ours("simple_recv", "-a", url, "-m", "100"))) {
                assertEquals(Peers.sequenceLines(100), recv.finish());
            }
        }
    }

    @Test
    public void multithreadedClientsThroughOurMultiThreadedBroker() throws Exception {
        try (Proc broker = Proc.start(Peers.ours("broker", "-a", "127.0.0.1:0", "-t", "4"))) {
            Peers.checkMultithreadedClients(false, "127.0.0.1:" + broker.await("broker listening on (\\d+)"));
        }
    }

    @Test
    public void directSendToSimpleRecv() throws Exception {
        try (Proc send = Proc.start(Peers.ours("direct_send", "-a", "127.0.0.1:0/examples", "-m", "20"))) {
            String port = send.await("listening on (\\d+)");
            try (Proc recv = Proc.start(Peers.ours("simple_recv", "-a", "127.0.0.1:" + port + "/examples", "-m", "20"))) {
                assertEquals(Peers.sequenceLines(20), recv.finish());
            }
            assertEquals(List.of("listening on " + port, "all messages confirmed"), send.finish());
        }
    }

    @Test
    public void scheduledSendPrintsOnlySendTokens() throws Exception {
        Peers.checkScheduledSenders(false);
    }

    @Test
    public void connectionEngineRunsTwoEnginesInMemory() throws Exception {
        try (Proc p = Proc.start(Peers.ours("connection_engine", "-m", "3"))) {
            assertEquals(List.of("message 1", "message 2", "message 3", "3 messages sent and received in memory"), p.finish());
        }
    }

    @Test
    public void flowControlPassesItsFourStages() throws Exception {
        try (Proc p = Proc.start(Peers.ours("flow_control", "-q"))) {
            assertEquals(List.of("success: Example 1: simple credit", "success: Example 2: basic drain",
                    "success: Example 3: drain without credit", "success: Example 4: high/low watermark"), p.finish());
        }
    }

    @Test
    public void connectionOptionsGoToTheConnectionsHandler() throws Exception {
        try (Proc broker = Proc.start(Peers.ours("broker", "-a", "127.0.0.1:0"))) {
            String port = broker.await("broker listening on (\\d+)");
            try (Proc p = Proc.start(Peers.ours("connection_options", "127.0.0.1:" + port + "/examples"))) {
                List<String> out = p.finish();
                assertEquals(2, out.size());
                assertEquals("connection events going to handler_2", out.get(0));
                assertTrue(out.get(1), out.get(1).matches("connection max_frame_size: \\d+, idle timeout: \\d+"));
            }
        }
    }

    /**
     * The C++ encode_decode example's expected output (its upstream test's text, for Proton 0.37:
     * a bare bool prints as 0). Debian ships no source for that program, so it cannot run here.
     */
    @Test
    public void encodeDecodePrintsTheCppTypedLines() throws Exception {
        List<String> expected = List.of(
                "",
                "== Array, list and map of uniform type.",
                "array<int>[int(1), int(2), int(3)]",
                "[ 1 2 3 ]",
                "list[int(1), int(2), int(3)]",
                "[ 1 2 3 ]",
                "map{string(one):int(1), string(two):int(2)}",
                "{ one:1 two:2 }",
                "map{string(z):int(3), string(a):int(4)}",
                "[ z:3 a:4 ]",
                "list[string(a), string(b), string(c)]",
                "",
                "== List and map of mixed type values.",
                "list[int(42), string(foo)]",
                "[ 42 foo ]",
                "map{int(4):string(four), string(five):int(5)}",
                "{ 4:four five:5 }",
                "",
                "== Insert with stream operators.",
                "array<int>[int(1), int(2), int(3)]",
                "list[int(42), boolean(0), symbol(x)]",
                "map{string(k1):int(42), symbol(k2):boolean(0)}");
        try (Proc p = Proc.start(Peers.ours("encode_decode"))) {
            assertEquals(expected, p.finish());
        }
    }

    @Test
    public void serviceBusSessionsThroughOurBroker() throws Exception {
        // service_bus authenticates with PLAIN (policy and key), which it sends in clear only when told to (-i):
        // the broker checks them (--users) and offers PLAIN without TLS (--allow-insecure)
        String users = java.nio.file.Files.createTempDirectory("jproton-sb").resolve("users").toString();
        Proc.start(Peers.ours("broker", "--add-user", users, "policy", "key")).finish();
        try (Proc broker = Proc.start(Peers.ours("broker", "-a", "127.0.0.1:0", "--users", users, "--allow-insecure"))) {
            String port = broker.await("broker listening on (\\d+)");
            try (Proc p = Proc.start(Peers.ours("service_bus", "-a", "127.0.0.1:" + port, "-p", "policy", "-k", "key",
                    "-e", "ses_q1", "-t", "0.3", "-i"))) {
                List<String> out = new java.util.ArrayList<>(p.finish());
                // Service Bus holds the last, session-less attach open until the receiver gives up;
                // our broker attaches it to an empty session, which prints one more line
                assertEquals("receiving messages with session identifier \"\" from queue ses_q1", out.remove(out.size() - 2));
                // the C++ example's sample output
                assertEquals(List.of(
                        "   sent message: message 0 in service bus session \"red\"",
                        "   sent message: message 1 in service bus session \"green\"",
                        "   sent message: message 2 in service bus session \"blue\"",
                        "   sent message: message 3 in service bus session \"red\"",
                        "   sent message: message 4 in service bus session \"black\"",
                        "   sent message: message 5 in service bus session \"blue\"",
                        "   sent message: message 6 in service bus session \"yellow\"",
                        "receiving messages with session identifier \"green\" from queue ses_q1",
                        "   received message: message 1 in service bus session \"green\"",
                        "receiving messages with session identifier \"red\" from queue ses_q1",
                        "   received message: message 0 in service bus session \"red\"",
                        "   received message: message 3 in service bus session \"red\"",
                        "receiving messages with session identifier \"blue\" from queue ses_q1",
                        "   received message: message 2 in service bus session \"blue\"",
                        "   received message: message 5 in service bus session \"blue\"",
                        "receiving messages with session identifier \"black\" from queue ses_q1",
                        "   received message: message 4 in service bus session \"black\"",
                        "receiving messages with session identifier \"yellow\" from queue ses_q1",
                        "   received message: message 6 in service bus session \"yellow\"",
                        "Done. No more messages."), out);
            }
        }
    }

    @Test
    public void serviceBusFailsClearlyWhenItCannotConnect() throws Exception {
        // the default is amqps://NAMESPACE; this machine has no network, so the name cannot resolve
        try (Proc p = Proc.start(Peers.ours("service_bus", "-n", "x.servicebus.windows.net", "-p", "p", "-k", "k", "-e", "q"))) {
            assertEquals(1, p.exitCode());
            assertTrue(String.join("\n", p.output()), String.join("\n", p.output()).contains("x.servicebus.windows.net"));
        }
        try (Proc p = Proc.start(Peers.ours("service_bus", "-a", "127.0.0.1:1"))) {
            assertEquals(1, p.exitCode());
            assertTrue(String.join("\n", p.output()).contains("missing argument for \"policy\""));
        }
    }
}
