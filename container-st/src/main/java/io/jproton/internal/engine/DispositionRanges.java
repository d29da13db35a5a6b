package io.jproton.internal.engine;

import java.nio.ByteBuffer;

/**
 * Takes the engine's output and writes runs of adjacent receiver dispositions that accept and
 * settle consecutive deliveries on one channel as one disposition with a range
 * ({@code first..last}), as Proton C++ does. proton-j writes one disposition frame per delivery,
 * and decoding those is most of what a peer's sender spends on at-least-once traffic. Everything
 * else passes through byte for byte: protocol headers, SASL frames, every other frame, and any
 * disposition that is not exactly an accepted-and-settled one. Only frames that are adjacent in
 * the output are merged, so the order of everything on the wire is kept. Not for TLS transports
 * (their output is encrypted).
 *
 * <p>Thread-safety: confined to its connection's driver.
 */
final class DispositionRanges {
    private static final int HEADER = 8;
    private static final byte[] ACCEPTED = {0x00, 0x53, 0x24, 0x45};

    private byte[] data = new byte[8192];
    private int start;
    private int end;
    private ByteBuffer view = ByteBuffer.wrap(data);
    /** A range being collected: channel, first and last delivery id; channel -1 when none. */
    private int rangeChannel = -1;
    private long rangeFirst;
    private long rangeLast;
    private long merged;

    /**
     * Moves every complete header and frame from the engine's output into this buffer, merging
     * disposition runs.
     *
     * @param engineOutput the engine's pending output (read from its position; not changed)
     * @return how many bytes were taken (to pop from the engine)
     */
    int take(ByteBuffer engineOutput) {
        int p = engineOutput.position();
        int limit = engineOutput.limit();
        int taken = 0;
        while (limit - p >= HEADER) {
            if (engineOutput.get(p) == 'A' && engineOutput.get(p + 1) == 'M' && engineOutput.get(p + 2) == 'Q'
                    && engineOutput.get(p + 3) == 'P') {
                flushRange();
                copy(engineOutput, p, HEADER);
                p += HEADER;
                taken += HEADER;
                continue;
            }
            int size = engineOutput.getInt(p);
            if (size < HEADER || size > limit - p) {
                break; // incomplete (or not a frame we understand): leave it to the next call
            }
            if (!mergeable(engineOutput, p, size)) {
                flushRange();
                copy(engineOutput, p, size);
            }
            p += size;
            taken += size;
        }
        flushRange();
        return taken;
    }

    /** @return true if the frame at p was an accepted-and-settled receiver disposition, now part of the range */
    private boolean mergeable(ByteBuffer b, int p, int size) {
        if (b.get(p + 4) != 2 || b.get(p + 5) != 0) {
            return false; // not a plain AMQP frame
        }
        int channel = b.getShort(p + 6) & 0xffff;
        int q = p + HEADER;
        int frameEnd = p + size;
        if (frameEnd - q < 6 || b.get(q) != 0x00 || b.get(q + 1) != 0x53 || b.get(q + 2) != 0x15) {
            return false; // not a disposition
        }
        q += 3;
        int count;
        int listEnd;
        if (b.get(q) == (byte) 0xc0) {
            listEnd = q + 2 + (b.get(q + 1) & 0xff);
            count = b.get(q + 2) & 0xff;
            q += 3;
        } else {
            return false;
        }
        if (listEnd != frameEnd || (count != 5 && count != 6)) {
            return false;
        }
        if (b.get(q++) != 0x41) {
            return false; // role: receiver (true)
        }
        long first = uint(b, q);
        if (first < 0) {
            return false;
        }
        q += uintLength(b, q);
        long last = uint(b, q);
        if (last != first) {
            return false;
        }
        q += uintLength(b, q);
        if (b.get(q++) != 0x41) {
            return false; // settled
        }
        for (byte a : ACCEPTED) {
            if (b.get(q++) != a) {
                return false;
            }
        }
        if (count == 6 && b.get(q++) != 0x42) {
            return false; // batchable: false
        }
        if (q != frameEnd) {
            return false;
        }
        if (rangeChannel == channel && first == rangeLast + 1) {
            rangeLast = first;
            merged++;
            return true;
        }
        flushRange();
        rangeChannel = channel;
        rangeFirst = first;
        rangeLast = first;
        return true;
    }

    private static long uint(ByteBuffer b, int q) {
        return switch (b.get(q)) {
            case 0x43 -> 0;
            case 0x52 -> b.get(q + 1) & 0xff;
            case 0x70 -> b.getInt(q + 1) & 0xffffffffL;
            default -> -1;
        };
    }

    private static int uintLength(ByteBuffer b, int q) {
        return switch (b.get(q)) {
            case 0x43 -> 1;
            case 0x52 -> 2;
            default -> 5;
        };
    }

    /** Writes the range collected so far as one disposition frame. */
    private void flushRange() {
        if (rangeChannel < 0) {
            return;
        }
        ensure(64);
        int p = end;
        end += 4; // size, below
        data[end++] = 2;
        data[end++] = 0;
        data[end++] = (byte) (rangeChannel >> 8);
        data[end++] = (byte) rangeChannel;
        data[end++] = 0x00;
        data[end++] = 0x53;
        data[end++] = 0x15;
        data[end++] = (byte) 0xc0;
        int sizeAt = end++;
        data[end++] = 6;
        data[end++] = 0x41;
        putUint(rangeFirst);
        putUint(rangeLast);
        data[end++] = 0x41;
        for (byte a : ACCEPTED) {
            data[end++] = a;
        }
        data[end++] = 0x42;
        data[sizeAt] = (byte) (end - sizeAt - 1);
        int size = end - p;
        data[p] = (byte) (size >>> 24);
        data[p + 1] = (byte) (size >>> 16);
        data[p + 2] = (byte) (size >>> 8);
        data[p + 3] = (byte) size;
        rangeChannel = -1;
    }

    private void putUint(long v) {
        if (v == 0) {
            data[end++] = 0x43;
        } else if (v < 256) {
            data[end++] = 0x52;
            data[end++] = (byte) v;
        } else {
            data[end++] = 0x70;
            data[end++] = (byte) (v >>> 24);
            data[end++] = (byte) (v >>> 16);
            data[end++] = (byte) (v >>> 8);
            data[end++] = (byte) v;
        }
    }

    private void copy(ByteBuffer src, int from, int length) {
        ensure(length);
        src.get(from, data, end, length);
        end += length;
    }

    private void ensure(int more) {
        if (end + more <= data.length) {
            return;
        }
        int live = end - start;
        byte[] target = live + more <= data.length / 2 ? data : new byte[Math.max(data.length * 2, live + more)];
        System.arraycopy(data, start, target, 0, live);
        if (target != data) {
            data = target;
            view = ByteBuffer.wrap(data);
        }
        start = 0;
        end = live;
    }

    /**
     * @return the bytes to write, or null if none
     */
    ByteBuffer output() {
        if (start == end) {
            return null;
        }
        view.limit(end).position(start);
        return view;
    }

    /**
     * @param n bytes of {@link #output()} written
     */
    void written(int n) {
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    /** Drops unwritten output: the transport it belonged to is gone (a reconnect starts a new one). */
    void clear() {
        start = 0;
        end = 0;
        rangeChannel = -1;
    }

    /** @return dispositions merged into an earlier one so far */
    long merged() {
        return merged;
    }
}
