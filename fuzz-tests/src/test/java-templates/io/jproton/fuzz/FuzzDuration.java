package io.jproton.fuzz;

/** How long a fuzz target runs in fuzzing mode ({@code -Pfuzz}): {@code -Djproton.fuzz.duration}, filtered in by Maven. */
final class FuzzDuration {
    private FuzzDuration() {}

    /** For {@code @FuzzTest(maxDuration = FuzzDuration.MAX)}; ignored in regression mode. */
    static final String MAX = "${jproton.fuzz.duration}";
}
