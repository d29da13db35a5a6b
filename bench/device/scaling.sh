#!/usr/bin/env bash
# On the device machine: the MT scaling series (W1 over 1..32 connections, run(1) .. run(16)),
# interleaved, medians and ratios to run(1), written to $OUT/mt-scaling.txt (and printed).
# Usage: bench/device/scaling.sh [COUNT [RUNS]]   (prepared by bench/device/prepare.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${OUT:-.}
nproc > "$out/mt-scaling.txt"
.device/jre/bin/java -XX:+UseParallelGC -Xmn256m -Xms1g -XX:+AlwaysPreTouch -cp .device/jproton-bench.jar \
    io.jproton.bench.MtScaling "${1:-200000}" "${2:-3}" 16 2>&1 | grep -v SLF4J | tee -a "$out/mt-scaling.txt"
