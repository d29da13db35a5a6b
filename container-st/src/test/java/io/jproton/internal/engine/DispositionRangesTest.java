package io.jproton.internal.engine;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.junit.Test;

/** Runs of accepted-and-settled receiver dispositions become ranges; everything else passes unchanged. */
public class DispositionRangesTest {

    /** A frame as proton-j writes it: size, doff 2, type, channel, body. */
    private static byte[] frame(int type, int channel, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(8 + body.length);
        b.putInt(8 + body.length).put((byte) 2).put((byte) type).putShort((short) channel).put(body);
        return b.array();
    }

    private static byte[] uint(long v) {
        if (v == 0) {
            return new byte[] {0x43};
        }
        if (v < 256) {
            return new byte[] {0x52, (byte) v};
        }
        return ByteBuffer.allocate(5).put((byte) 0x70).putInt((int) v).array();
    }

    /** The disposition body proton-j's FastPathDispositionType writes for a receiver. */
    private static byte[] disposition(long first, long last, boolean settled, boolean accepted) {
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        list.write(0x41);
        list.writeBytes(uint(first));
        list.writeBytes(uint(last));
        list.write(settled ? 0x41 : 0x42);
        list.writeBytes(accepted ? new byte[] {0x00, 0x53, 0x24, 0x45} : new byte[] {0x00, 0x53, 0x26, 0x45});
        list.write(0x42);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x00, 0x53, 0x15, (byte) 0xc0, (byte) (list.size() + 1), 6});
        body.writeBytes(list.toByteArray());
        return body.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] through(DispositionRanges r, byte[] in) {
        ByteBuffer engine = ByteBuffer.wrap(in);
        int taken = r.take(engine);
        engine.position(engine.position() + taken);
        ByteBuffer out = r.output();
        byte[] bytes = new byte[out == null ? 0 : out.remaining()];
        if (out != null) {
            out.get(bytes);
            r.written(bytes.length);
        }
        return bytes;
    }

    @Test
    public void adjacentConsecutiveAcceptsOnOneChannelBecomeOneRange() {
        DispositionRanges r = new DispositionRanges();
        byte[] in = concat(frame(0, 0, disposition(0, 0, true, true)), frame(0, 0, disposition(1, 1, true, true)),
                frame(0, 0, disposition(2, 2, true, true)), frame(0, 0, disposition(255, 255, true, true)),
                frame(0, 0, disposition(256, 256, true, true)));
        byte[] expected = concat(frame(0, 0, disposition(0, 2, true, true)), frame(0, 0, disposition(255, 256, true, true)));
        assertArrayEquals(expected, through(r, in));
        assertEquals(3, r.merged());
    }

    @Test
    public void everythingElsePassesUnchangedAndInOrder() {
        DispositionRanges r = new DispositionRanges();
        byte[] header = {'A', 'M', 'Q', 'P', 3, 1, 0, 0};
        byte[] sasl = frame(1, 0, new byte[] {0x00, 0x53, 0x40, 0x45});
        byte[] flow = frame(0, 0, new byte[] {0x00, 0x53, 0x13, 0x45});
        byte[] heartbeat = frame(0, 0, new byte[0]);
        byte[] unsettled = frame(0, 0, disposition(7, 7, false, true));
        byte[] released = frame(0, 0, disposition(8, 8, true, false));
        byte[] otherChannel = frame(0, 1, disposition(10, 10, true, true));
        byte[] in = concat(header, sasl, frame(0, 0, disposition(4, 4, true, true)), flow,
                frame(0, 0, disposition(5, 5, true, true)), heartbeat, unsettled, released,
                frame(0, 0, disposition(9, 9, true, true)), otherChannel, frame(0, 0, disposition(12, 12, true, true)));
        assertArrayEquals("nothing adjacent and mergeable: the bytes are the engine's", in, through(r, in));
        assertEquals(0, r.merged());
    }

    @Test
    public void anIncompleteFrameWaitsForTheRestAndARangeEndsAtEachTake() {
        DispositionRanges r = new DispositionRanges();
        byte[] a = frame(0, 0, disposition(0, 0, true, true));
        byte[] b = frame(0, 0, disposition(1, 1, true, true));
        byte[] both = concat(a, b);
        ByteBuffer engine = ByteBuffer.wrap(both, 0, a.length + 3); // the second frame not all there yet
        assertEquals(a.length, r.take(engine));
        ByteBuffer out = r.output();
        byte[] first = new byte[out.remaining()];
        out.get(first);
        r.written(first.length);
        assertArrayEquals("a range is written when the take ends, not held back", a, first);
        assertNull(r.output());
        assertArrayEquals(b, through(r, b));
    }
}
