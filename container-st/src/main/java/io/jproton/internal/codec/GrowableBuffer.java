package io.jproton.internal.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.qpid.proton.codec.ReadableBuffer;
import org.apache.qpid.proton.codec.WritableBuffer;

/**
 * A reusable, growing output buffer for the engine's encoder: encode, read {@link #array()} up to
 * {@link #position()}, then {@link #clear()} and reuse. Not thread-safe: one per connection driver.
 */
public final class GrowableBuffer implements WritableBuffer {
    private byte[] data;
    private int pos;

    /**
     * @param initialCapacity the first capacity in bytes
     */
    public GrowableBuffer(int initialCapacity) {
        data = new byte[Math.max(16, initialCapacity)];
    }

    /**
     * @return the backing array; valid bytes are [0, position)
     */
    public byte[] array() {
        return data;
    }

    /** Empties the buffer for reuse. */
    public void clear() {
        pos = 0;
    }

    private void need(int n) {
        if (pos + n > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, pos + n));
        }
    }

    /**
     * Overwrites 4 bytes at an earlier position (for sizes written after their contents).
     *
     * @param at position
     * @param i value
     */
    public void putIntAt(int at, int i) {
        data[at] = (byte) (i >>> 24);
        data[at + 1] = (byte) (i >>> 16);
        data[at + 2] = (byte) (i >>> 8);
        data[at + 3] = (byte) i;
    }

    /**
     * Overwrites one byte at an earlier position.
     *
     * @param at position
     * @param b value
     */
    public void putAt(int at, byte b) {
        data[at] = b;
    }

    @Override
    public void put(byte b) {
        need(1);
        data[pos++] = b;
    }

    @Override
    public void putFloat(float f) {
        putInt(Float.floatToRawIntBits(f));
    }

    @Override
    public void putDouble(double d) {
        putLong(Double.doubleToRawLongBits(d));
    }

    @Override
    public void put(byte[] src, int offset, int length) {
        need(length);
        System.arraycopy(src, offset, data, pos, length);
        pos += length;
    }

    @Override
    public void putShort(short s) {
        need(2);
        data[pos++] = (byte) (s >>> 8);
        data[pos++] = (byte) s;
    }

    @Override
    public void putInt(int i) {
        need(4);
        data[pos++] = (byte) (i >>> 24);
        data[pos++] = (byte) (i >>> 16);
        data[pos++] = (byte) (i >>> 8);
        data[pos++] = (byte) i;
    }

    @Override
    public void putLong(long l) {
        putInt((int) (l >>> 32));
        putInt((int) l);
    }

    @Override
    public boolean hasRemaining() {
        return true;
    }

    @Override
    public void ensureRemaining(int requiredRemaining) {
        need(requiredRemaining);
    }

    @Override
    public int remaining() {
        return Integer.MAX_VALUE - pos;
    }

    @Override
    public int position() {
        return pos;
    }

    @Override
    public void position(int position) {
        need(Math.max(0, position - pos));
        pos = position;
    }

    @Override
    public void put(ByteBuffer payload) {
        int n = payload.remaining();
        need(n);
        payload.get(data, pos, n);
        pos += n;
    }

    @Override
    public void put(ReadableBuffer payload) {
        int n = payload.remaining();
        need(n);
        payload.get(data, pos, n);
        pos += n;
    }

    @Override
    public int limit() {
        return Integer.MAX_VALUE;
    }
}
