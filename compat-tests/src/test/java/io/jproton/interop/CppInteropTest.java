package io.jproton.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jproton.examples.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.Test;

/**
 * Our examples against the Proton C++ examples from Debian, in both directions, through our
 * broker and through theirs. Bodies and counts are compared, not just exit codes.
 */
public class CppInteropTest {
    private static final int N = 10;

    private static List<String> bodies(List<String> output) {
        List<String> out = new ArrayList<>();
        for (String line : output) {
            if (line.startsWith("{")) {
                out.add(line);
            }
        }
        return out;
    }

    @Test
    public void cppSimpleSendThroughOurBrokerToCppSimpleRecv() throws Exception {
        try (Proc broker = Proc.start(Peers.ours("broker", "-a", "127.0.0.1:0"))) {
            String port = broker.await("broker listening on (\\d+)");
            String url = "127.0.0.1:" + port + "/examples";
            try (Proc send = Proc.start(Peers.cpp("simple_send", "-a", url, "-m", "" + N))) {
                assertTrue(send.finish().contains("all messages confirmed"));
            }
            try (Proc recv = Proc.start(Peers.cpp("simple_recv", "-a", url, "-m", "" + N))) {
                assertEquals(Peers.sequenceLines(N), bodies(recv.finish()));
            }
        }
    }

    @Test
    public void ourSimpleSendThroughCppBrokerToOurSimpleRecv() throws Exception {
        try (Proc broker = Proc.start(Peers.cpp("broker", "-a", "127.0.0.1:0"))) {
            String port = broker.await("broker listening on (\\d+)");
            String url = "127.0.0.1:" + port + "/examples";
            try (Proc send = Proc.start(Peers.ours("simple_send", "-a", url, "-m", "" + N))) {
                assertEquals(List.of("all messages confirmed"), send.finish());
            }
            try (Proc recv = Proc.start(Peers.ours("simple_recv", "-a", url, "-m", "" + N))) {
                assertEquals(Peers.sequenceLines(N), recv.finish());
            }
        }
    }

    @Test
    public void cppSimpleSendToOurDirectRecv() throws Exception {
        try (Proc recv = Proc.start(Peers.ours("direct_recv", "-a", "127.0.0.1:0/examples", "-m", "" + N))) {
            String port = recv.await("listening on (\\d+)");
            try (Proc send = Proc.start(Peers.cpp("simple_send", "-a", "127.0.0.1:" + port + "/examples", "-m", "" + N))) {
                assertTrue(send.finish().contains("all messages confirmed"));
            }
            assertEquals(Peers.sequenceLines(N), bodies(recv.finish()));
        }
    }

    @Test
    public void ourSimpleSendToCppDirectRecv() throws Exception {
        try (Proc recv = Proc.start(Peers.cpp("direct_recv", "-a", "127.0.0.1:0/examples", "-m", "" + N))) {
            String port = recv.await("listening on (\\d+)");
            try (Proc send = Proc.start(Peers.ours("simple_send", "-a", "127.0.0.1:" + port + "/examples", "-m", "" + N))) {
                assertEquals(List.of("all messages confirmed"), send.finish());
            }
            assertEquals(Peers.sequenceLines(N), bodies(recv.finish()));
        }
    }

    @Test
    public void cppSimpleRecvFromOurDirectSend() throws Exception {
        try (Proc send = Proc.start(Peers.ours("direct_send", "-a", "127.0.0.1:0/examples", "-m", "" + N))) {
            String port = send.await("listening on (\\d+)");
            try (Proc recv = Proc.start(Peers.cpp("simple_recv", "-a", "127.0.0.1:" + port + "/examples", "-m", "" + N))) {
                assertEquals(Peers.sequenceLines(N), bodies(recv.finish()));
            }
            assertTrue(send.finish().contains("all messages confirmed"));
        }
    }

    private static List<String> expectedClientLines() {
        List<String> out = new ArrayList<>();
        for (String r : Client.REQUESTS) {
            out.add(r + " => " + r.toUpperCase(Locale.ROOT));
        }
        return out;
    }

    @Test
    public void ourClientAndCppServerThroughOurBroker() throws Exception {
        try (Proc broker = Proc.start(Peers.ours("broker", "-a", "127.0.0.1:0"))) {
            String port = broker.await("broker listening on (\\d+)");
            try (Proc server = Proc.start(Peers.cpp("server", "127.0.0.1:" + port, "examples"))) {
                server.await("Server connected");
                broker.await("receiving to _dynamic_0|sending from examples");
                try (Proc client = Proc.start(Peers.ours("client", "-a", "127.0.0.1:" + port + "/examples"))) {
                    assertEquals(expectedClientLines(), client.finish());
                }
            }
        }
    }

    @Test
    public void cppClientAndOurServerThroughCppBroker() throws Exception {
        try (Proc broker = Proc.start(Peers.cpp("broker", "-a", "127.0.0.1:0"))) {
            String port = broker.await("broker listening on (\\d+)");
            try (Proc server = Proc.start(Peers.ours("server", "127.0.0.1:" + port, "examples"))) {
                server.await("Server connected");
                broker.await("sending from examples");
                try (Proc client = Proc.start(Peers.cpp("client", "-a", "127.0.0.1:" + port + "/examples"))) {
                    assertEquals(expectedClientLines(), client.finish());
                }
            }
        }
    }

    @Test
    public void cppClientAndOurServerDirect() throws Exception {
        try (Proc server = Proc.start(Peers.ours("server_direct", "-a", "127.0.0.1:0/examples"))) {
            String port = server.await("listening on (\\d+)");
            try (Proc client = Proc.start(Peers.cpp("client", "-a", "127.0.0.1:" + port + "/examples"))) {
                assertEquals(expectedClientLines(), client.finish());
            }
        }
    }

    @Test
    public void cppHelloworldThroughOurBroker() throws Exception {
        try (Proc broker = Proc.start(Peers.ours("broker", "-a", "127.0.0.1:0"))) {
            String port = broker.await("broker listening on (\\d+)");
            try (Proc hello = Proc.start(Peers.cpp("helloworld", "127.0.0.1:" + port, "examples"))) {
                assertEquals(List.of("Hello World!"), hello.finish());
            }
            try (Proc hello = Proc.start(Peers.ours("helloworld", "127.0.0.1:" + port, "examples"))) {
                assertEquals(List.of("Hello World!"), hello.finish());
            }
        }
    }

    @Test
    public void messagePropertiesPrintsWhatTheCppProgramPrints() throws Exception {
        List<String> cpp;
        try (Proc p = Proc.start(Peers.cpp("message_properties"))) {
            cpp = p.finish();
        }
        try (Proc p = Proc.start(Peers.ours("message_properties"))) {
            assertEquals(cpp, p.finish());
        }
        assertEquals(8, cpp.size());
    }

    @Test
    public void cppDirectSendToOurSimpleRecv() throws Exception {
        try (Proc send = Proc.start(Peers.cpp("direct_send", "-a", "127.0.0.1:0/examples", "-m", "" + N))) {
            String port = send.await("listening on (\\d+)");
            try (Proc recv = Proc.start(Peers.ours("simple_recv", "-a", "127.0.0.1:" + port + "/examples", "-m", "" + N))) {
                assertEquals(Peers.sequenceLines(N), recv.finish());
            }
            assertTrue(send.finish().contains("all messages confirmed"));
        }
    }

    @Test
    public void cppScheduledSendersThroughOurBroker() throws Exception {
        Peers.checkScheduledSenders(true);
    }

    @Test
    public void cppMultithreadedClientsThroughOurMultiThreadedBroker() throws Exception {
        try (Proc broker = Proc.start(Peers.ours("broker", "-a", "127.0.0.1:0", "-t", "4"))) {
            Peers.checkMultithreadedClients(true, "127.0.0.1:" + broker.await("broker listening on (\\d+)"));
        }
    }

    @Test
    public void ourMultithreadedClientsThroughTheCppBroker() throws Exception {
        try (Proc broker = Proc.start(Peers.cpp("broker", "-a", "127.0.0.1:0"))) {
            Peers.checkMultithreadedClients(false, "127.0.0.1:" + broker.await("broker listening on (\\d+)"));
        }
    }
}
