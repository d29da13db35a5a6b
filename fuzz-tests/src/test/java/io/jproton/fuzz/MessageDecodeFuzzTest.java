package io.jproton.fuzz;

import static io.jproton.fuzz.FuzzChecks.check;
import static io.jproton.fuzz.FuzzChecks.hex;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jproton.Message;
import io.jproton.ProtonException;
import io.jproton.Values;
import io.jproton.internal.codec.MessageCodec;
import java.util.Arrays;

/**
 * Fuzzes the message codec with arbitrary bytes, as a hostile peer sends them. Properties: decoding
 * either gives a value or throws {@link ProtonException} (anything else, running out of memory or
 * stack included, is a finding); whatever decodes encodes without error, decodes back equal (deep
 * equality, arrays by content) and encodes to the same bytes again; it formats without error.
 * Seeds: {@code MessageDecodeFuzzTestInputs/<method>/}, written by {@link SeedCorpusTest}.
 */
class MessageDecodeFuzzTest {

    @FuzzTest(maxDuration = FuzzDuration.MAX)
    void decodeMessage(byte[] input) {
        Message m;
        try {
            m = MessageCodec.decode(input, 0, input.length);
        } catch (ProtonException refused) {
            return;
        }
        byte[] encoded = MessageCodec.encode(m);
        Message back = MessageCodec.decode(encoded, 0, encoded.length);
        check(m.equals(back) && m.inferred() == back.inferred(),
                () -> "message changed in a round trip: " + m + " became " + back + " from " + hex(input));
        byte[] again = MessageCodec.encode(back);
        check(Arrays.equals(encoded, again), () -> "re-encoding changed " + hex(encoded) + " to " + hex(again));
        check(m.toString() != null, () -> "no text");
    }

    @FuzzTest(maxDuration = FuzzDuration.MAX)
    void decodeValue(byte[] input) {
        Object v;
        try {
            v = MessageCodec.decodeValue(input);
        } catch (ProtonException refused) {
            return;
        }
        byte[] encoded = MessageCodec.encodeValue(v);
        Object back = MessageCodec.decodeValue(encoded);
        check(Values.equal(v, back), () -> "value changed in a round trip: " + Values.format(v) + " became "
                + Values.format(back) + " from " + hex(input));
        byte[] again = MessageCodec.encodeValue(back);
        check(Arrays.equals(encoded, again), () -> "re-encoding changed " + hex(encoded) + " to " + hex(again));
        check(Values.format(v) != null && Values.typeName(v) != null, () -> "no text");
    }
}
