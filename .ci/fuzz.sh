#!/usr/bin/env bash
# Fuzzes each Jazzer target of fuzz-tests for a bounded time (default 60 s each; FUZZ_DURATION=5m for
# longer). Jazzer fuzzes one target per JVM, so each runs in its own Maven invocation. A finding fails
# the run and is left in the target's inputs folder (src/test/resources/...Inputs/<method>/crash-*).
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${FUZZ_DURATION:-60s}"
targets=(MessageDecodeFuzzTest#decodeMessage MessageDecodeFuzzTest#decodeValue
         ConnectionEngineFuzzTest#amqpFrames ConnectionEngineFuzzTest#saslThenAmqp ConnectionEngineFuzzTest#performatives)
for t in "${targets[@]}"; do
  echo "fuzzing $t for $duration"
  mvn -B -q -pl container-st,fuzz-tests -Pfuzz -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djproton.fuzz.duration="$duration" verify
done
