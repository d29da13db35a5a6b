package io.jproton.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jproton.examples.Client;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

/**
 * The C++ examples' expectations with C++ and Java programs mixed in every combination, through
 * our broker (single-threaded, and multi-threaded on 4 threads) and through the C++ broker:
 * simple_send/simple_recv and client/server.
 */
@RunWith(Parameterized.class)
public class MixedPeersTest {
    private static final int N = 10;

    @Parameterized.Parameters(name = "broker={0} first={1} second={2}")
    public static Collection<Object[]> combinations() {
        List<Object[]> out = new ArrayList<>();
        for (String broker : new String[] {"java-st", "java-t4", "cpp"}) {
            for (String first : new String[] {"java", "cpp"}) {
                for (String second : new String[] {"java", "cpp"}) {
                    out.add(new Object[] {broker, first, second});
                }
            }
        }
        return out;
    }

    private final String broker;
    private final String first;
    private final String second;

    public MixedPeersTest(String broker, String first, String second) {
        this.broker = broker;
        this.first = first;
        this.second = second;
    }

    private static List<String> command(String who, String example, String... args) throws Exception {
        switch (who) {
            case "java":
                return Peers.ours(example, args);
            case "java-st":
                return Peers.oursOn("st", example, args);
            case "java-t4":
                List<String> cmd = new ArrayList<>(Peers.oursOn("mt", example, args));
                cmd.addAll(List.of("-t", "4"));
                return cmd;
            default:
                return Peers.cpp(example, args);
        }
    }

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
    public void sendThenReceiveThroughTheBroker() throws Exception {
        try (Proc b = Proc.start(command(broker, "broker", "-a", "127.0.0.1:0"))) {
            String url = "127.0.0.1:" + b.await("broker listening on (\\d+)") + "/mixed";
            try (Proc send = Proc.start(command(first, "simple_send", "-a", url, "-m", "" + N))) {
                assertTrue(send.finish().contains("all messages confirmed"));
            }
            try (Proc recv = Proc.start(command(second, "simple_recv", "-a", url, "-m", "" + N))) {
                assertEquals(Peers.sequenceLines(N), bodies(recv.finish()));
            }
        }
    }

    @Test
    public void clientAndServerThroughTheBroker() throws Exception {
        try (Proc b = Proc.start(command(broker, "broker", "-a", "127.0.0.1:0"))) {
            String port = b.await("broker listening on (\\d+)");
            try (Proc server = Proc.start(command(second, "server", "127.0.0.1:" + port, "mixed-requests"))) {
                server.await("Server connected");
                b.await("sending from mixed-requests");
                try (Proc client = Proc.start(command(first, "client", "-a", "127.0.0.1:" + port + "/mixed-requests"))) {
                    List<String> expected = new ArrayList<>();
                    for (String r : Client.REQUESTS) {
                        expected.add(r + " => " + r.toUpperCase(Locale.ROOT));
                    }
                    assertEquals(expected, client.finish());
                }
            }
        }
    }
}
