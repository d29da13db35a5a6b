package io.jproton;

/**
 * The AMQP {@code timestamp} type: milliseconds since the Unix epoch, as {@code proton::timestamp}.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 *
 * @param millis milliseconds since 1970-01-01T00:00:00Z
 */
public record Timestamp(long millis) implements Comparable<Timestamp> {
    /**
     * @param millis milliseconds since the epoch
     * @return the timestamp
     */
    public static Timestamp of(long millis) {
        return new Timestamp(millis);
    }

    /**
     * @return the current time
     */
    public static Timestamp now() {
        return new Timestamp(System.currentTimeMillis());
    }

    @Override
    public int compareTo(Timestamp o) {
        return Long.compare(millis, o.millis);
    }

    @Override
    public String toString() {
        return Long.toString(millis);
    }
}
