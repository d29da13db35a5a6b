#!/usr/bin/env bash
# Prepares what the 16-core device machine needs for the multi-threaded scaling run (it has no Java
# and reaches no registry): a jlinked Java runtime and the benchmark jar, in .device/ at the
# repository root, which this script makes git ignore (.git/info/exclude). Run after
# `mvn -B -q package -DskipTests`; then run bench/device/scaling.sh there with carry [".device"].
set -euo pipefail
cd "$(dirname "$0")/../.."
grep -qx '/.device/' .git/info/exclude 2>/dev/null || echo '/.device/' >> .git/info/exclude
rm -rf .device
mkdir -p .device
jlink --add-modules java.base,java.logging,java.management,jdk.unsupported,java.naming \
      --strip-debug --no-header-files --no-man-pages --compress=2 --output .device/jre
cp bench/target/jproton-bench.jar .device/
du -sh .device
