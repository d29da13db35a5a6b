package io.jproton.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.codec.AMQPDefinedTypes;
import org.apache.qpid.proton.codec.DecoderImpl;
import org.apache.qpid.proton.codec.EncoderImpl;
import org.apache.qpid.proton.engine.Connection;
import org.apache.qpid.proton.engine.Session;
import org.apache.qpid.proton.engine.Transport;

/**
 * What proton-j itself holds per connection, apart from jproton: the floor under
 * {@link ConnectionMemory}'s heap per idle connection. Keeps COUNT instances of each engine piece
 * and prints the heap each takes, measured after full GCs:
 * <ul>
 *   <li>{@code codec}: the decoder and encoder with every AMQP type registered, which each
 *       transport builds for itself;</li>
 *   <li>{@code transport}: a bare transport (its codec included), before any I/O;</li>
 *   <li>{@code transport+sasl}: with the SASL layer, which builds a second codec;</li>
 *   <li>{@code transport+sasl+link}: with a bound connection, one session and one sender, opened,
 *       no I/O buffers allocated yet.</li>
 * </ul>
 *
 * <p>Usage: {@code java -cp jproton-bench.jar io.jproton.bench.EngineFootprint [COUNT]} (default 2000).
 */
public final class EngineFootprint {
    private EngineFootprint() {}

    /**
     * @param args {@code [COUNT]}
     */
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        report("codec", count, () -> {
            DecoderImpl decoder = new DecoderImpl();
            EncoderImpl encoder = new EncoderImpl(decoder);
            AMQPDefinedTypes.registerAllTypes(decoder, encoder);
            return encoder;
        });
        report("transport", count, Proton::transport);
        report("transport+sasl", count, () -> {
            Transport t = Proton.transport();
            t.sasl().client();
            return t;
        });
        report("transport+sasl+link", count, () -> {
            Transport t = Proton.transport();
            t.sasl().client();
            Connection c = Proton.connection();
            t.bind(c);
            c.open();
            Session s = c.session();
            s.open();
            s.sender("link").open();
            return t;
        });
    }

    private static void report(String what, int count, Supplier<Object> make) {
        List<Object> kept = new ArrayList<>(count);
        make.get(); // classes loaded before the baseline
        long before = ConnectionMemory.usedHeapAfterGc();
        for (int i = 0; i < count; i++) {
            kept.add(make.get());
        }
        long after = ConnectionMemory.usedHeapAfterGc();
        System.out.printf(Locale.ROOT, "%-20s %6.1f KiB each (%d kept)%n", what, (after - before) / 1024.0 / count, kept.size());
    }
}
