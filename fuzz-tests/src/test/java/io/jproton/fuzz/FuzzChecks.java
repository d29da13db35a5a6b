package io.jproton.fuzz;

import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * What every fuzz target of the module checks the same way. A target catches the one exception
 * that the bytes of a peer may cause (a {@link io.jproton.ProtonException}) and lets everything
 * else escape: Jazzer reports any other Throwable, an {@link OutOfMemoryError} or
 * {@link StackOverflowError} included, as a finding. Stateless; thread-safe.
 */
final class FuzzChecks {
    private FuzzChecks() {}

    /** Fails the input (a finding) unless ok. */
    static void check(boolean ok, Supplier<String> what) {
        if (!ok) {
            throw new AssertionError(what.get());
        }
    }

    /** @return bytes as hex, shortened past 512 bytes, for a finding's message */
    static String hex(byte[] bytes) {
        String h = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 512));
        return bytes.length > 512 ? h + "... (" + bytes.length + " bytes)" : h;
    }
}
