package io.jproton.internal.engine;

import java.util.ArrayDeque;

/**
 * The delivery tags of one connection's senders, without an allocation per message in the steady
 * state. A tag must be unique among a link's unsettled deliveries only, so a tag is used again
 * once the delivery that carried it is settled at both ends and its transfer has gone out (the
 * peer settled it, so it had the transfer): such tags are given back
 * ({@link #giveBack}) and handed out again, as Qpid JMS and protonj2 do. A presettled delivery is
 * settled from the start and needs no unique tag: they all share one ({@link #PRESETTLED}).
 * Counter tags (1 to 8 bytes, big-endian) are made only when none is free, that is up to the
 * number of deliveries unsettled at once, plus those settled without the peer's word.
 *
 * <p>Not thread-safe: confined to the connection's context.
 */
final class DeliveryTags {
    /** The tag of every presettled delivery: one byte, the same each time. */
    static final byte[] PRESETTLED = {0};
    /** Tags kept for use again, at most; more are left to the garbage collector. */
    static final int MAX_FREE = 1024;
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    /** The next counter value; 0 is never given, so a counter tag is never {@link #PRESETTLED}'s. */
    private long next = 1;

    /**
     * @return a tag no unsettled delivery of this connection carries now
     */
    byte[] next() {
        byte[] tag = free.pollLast();
        return tag != null ? tag : counterTag(next++);
    }

    /**
     * Gives a tag back for use again: its delivery is settled at both ends and no frame of it is
     * left to write. Never give back {@link #PRESETTLED} or a tag that is still in use.
     *
     * @param tag the tag
     */
    void giveBack(byte[] tag) {
        if (tag != PRESETTLED && free.size() < MAX_FREE) {
            free.addLast(tag);
        }
    }

    /** @return tags free now; for tests */
    int free() {
        return free.size();
    }

    static byte[] counterTag(long n) {
        int len = n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x1000000 ? 3 : 8;
        byte[] tag = new byte[len];
        for (int i = len - 1; i >= 0; i--) {
            tag[i] = (byte) n;
            n >>>= 8;
        }
        return tag;
    }
}
