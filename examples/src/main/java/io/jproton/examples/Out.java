package io.jproton.examples;

import java.io.PrintStream;

/** Whole lines from several threads, as the C++ examples' {@code OUT(...)} macro. Thread-safe. */
final class Out {
    private static final Object LOCK = new Object();

    private Out() {}

    static void println(PrintStream out, String line) {
        synchronized (LOCK) {
            out.println(line);
        }
    }
}
