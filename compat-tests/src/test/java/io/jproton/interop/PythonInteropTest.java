package io.jproton.interop;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Debian's Python proton binding (proton.utils.BlockingConnection) against our broker and senders. */
public class PythonInteropTest {
    private static final int N = 10;

    @Test
    public void blockingConnectionSendsToAndReceivesFromOurBroker() throws Exception {
        try (Proc broker = Proc.start(Peers.ours("broker", "-a", "127.0.0.1:0"))) {
            String port = broker.await("broker listening on (\\d+)");
            try (Proc py = Proc.start(Peers.python("blocking_client.py", "127.0.0.1:" + port, "pyq", "" + N))) {
                List<String> expected = new ArrayList<>();
                expected.add("sent " + N);
                for (int i = 0; i < N; i++) {
                    expected.add("received " + i + " msg-" + i);
                }
                assertEquals(expected, py.finish());
            }
        }
    }

    @Test
    public void blockingConnectionReceivesWhatOurSimpleSendSent() throws Exception {
        try (Proc broker = Proc.start(Peers.ours("broker", "-a", "127.0.0.1:0"))) {
            String port = broker.await("broker listening on (\\d+)");
            try (Proc send = Proc.start(Peers.ours("simple_send", "-a", "127.0.0.1:" + port + "/examples", "-m", "" + N))) {
                assertEquals(List.of("all messages confirmed"), send.finish());
            }
            try (Proc py = Proc.start(Peers.python("blocking_recv.py", "127.0.0.1:" + port, "examples", "" + N))) {
                List<String> expected = new ArrayList<>();
                for (int i = 1; i <= N; i++) {
                    expected.add("{'sequence': int32(" + i + ")}"); // AMQP int, as C++ simple_send sends it
                }
                assertEquals(expected, py.finish());
            }
        }
    }
}
