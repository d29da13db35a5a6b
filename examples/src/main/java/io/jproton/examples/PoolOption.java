package io.jproton.examples;

import io.jproton.Container;
import io.jproton.Message;
import io.jproton.mt.pool.Outcome;
import io.jproton.mt.pool.SenderKey;
import io.jproton.mt.pool.SenderPool;
import io.jproton.mt.pool.SenderPoolOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@code --pool C} option of the multithreaded client examples (not in Proton C++): the sending
 * threads share a {@link SenderPool} of C connections instead of a hand-written sender. Each send
 * waits for room as the C++ sender waits for credit; at the end every message must have been
 * accepted.
 */
final class PoolOption {
    /** How long one send may wait for a free sender and room on it. */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    private final SenderPool pool;
    private final SenderKey key;
    private final List<CompletableFuture<Outcome>> outcomes = new ArrayList<>(); // guarded by itself

    private PoolOption(Container container, String url, String address, int connections) {
        this.pool = new SenderPool(container, new SenderPoolOptions().maxPerKey(connections));
        this.key = SenderKey.of(url, address);
    }

    /**
     * Takes {@code --pool C} out of the arguments.
     *
     * @param args the command line
     * @param rest receives the other arguments, in order
     * @return C, or 0 if the option is absent
     */
    static int parse(String[] args, List<String> rest) {
        int c = 0;
        for (int i = 0; i < args.length; i++) {
            if ("--pool".equals(args[i]) && i + 1 < args.length) {
                c = Integer.parseInt(args[++i]);
                if (c < 1) {
                    throw new IllegalArgumentException("--pool needs at least 1 connection, got " + c);
                }
            } else {
                rest.add(args[i]);
            }
        }
        return c;
    }

    /** @return a pool of {@code connections} connections for the URL and address, or null for 0 */
    static PoolOption of(Container container, String url, String address, int connections) {
        return connections == 0 ? null : new PoolOption(container, url, address, connections);
    }

    /** Thread-safe: sends through the pool, waiting for a free sender and room on it. */
    void send(Message m) throws InterruptedException {
        CompletableFuture<Outcome> f = pool.send(key, m, SEND_TIMEOUT);
        synchronized (outcomes) {
            outcomes.add(f);
        }
    }

    /** Waits until every message sent has its outcome, then closes the pool; exits 1 unless all were accepted. */
    void finish() throws Exception {
        List<CompletableFuture<Outcome>> all;
        synchronized (outcomes) {
            all = new ArrayList<>(outcomes);
        }
        for (CompletableFuture<Outcome> f : all) {
            Outcome o;
            try {
                o = f.get(SEND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                Out.println(System.err, "unexpected error: " + e.getCause());
                System.exit(1);
                return;
            }
            if (!o.isAccepted()) {
                Out.println(System.err, "unexpected outcome: " + o);
                System.exit(1);
            }
        }
        pool.close();
    }
}
