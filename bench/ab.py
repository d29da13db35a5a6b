#!/usr/bin/python3
"""A/B of jproton builds on W1 (Java -> Java, one loopback connection, 100-byte bodies, credit 1000),
interleaved so that machine noise hits every variant alike: for a change to a hot path, run the jar
built before it against the jar built after it; with --metrics, the after-jar once more with both
ends counting into Micrometer meters (tput_send/tput_recv --metrics).

Prints each run and, per mode, each variant's median and its ratio to the first variant.

Usage: bench/ab.py --new JAR [--old JAR] [--metrics] [--count N] [--runs R] [--modes at-least-once,presettled]
"""
import argparse
import re
import statistics
import subprocess

JVM = ["java", "-XX:+UseParallelGC", "-Xmn64m", "-XX:+AlwaysPreTouch", "-jar"]


def one_run(jar, extra, mode, count):
    recv = subprocess.Popen(JVM + [jar, "tput_recv"] + extra + ["127.0.0.1:0", str(count), "--credit", "1000"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        port = re.search(r"listening on (\d+)", recv.stdout.readline()).group(1)
        args = ["127.0.0.1:%s/w1" % port, str(count), "--size", "100"] + (["--presettled"] if mode == "presettled" else [])
        subprocess.run(JVM + [jar, "tput_send"] + extra + args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=600, check=True)
        out, _ = recv.communicate(timeout=600)
        return int(re.search(r"(\d+) msg/s", out).group(1))
    finally:
        if recv.poll() is None:
            recv.kill()


def main():
    ap = argparse.ArgumentParser(description="A/B of jproton examples jars on W1, interleaved")
    ap.add_argument("--new", required=True, help="the examples jar after the change")
    ap.add_argument("--old", help="the examples jar before the change")
    ap.add_argument("--metrics", action="store_true", help="also the new jar with --metrics on both ends")
    ap.add_argument("--count", type=int, default=1000000)
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--modes", default="at-least-once,presettled")
    a = ap.parse_args()
    variants = ([("old", a.old, [])] if a.old else []) + [("new", a.new, [])]
    if a.metrics:
        variants.append(("new+metrics", a.new, ["--metrics"]))
    modes = a.modes.split(",")
    results = {}
    for r in range(a.runs):
        for mode in modes:
            for name, jar, extra in variants:
                rate = one_run(jar, extra, mode, a.count)
                results.setdefault((mode, name), []).append(rate)
                print("run %d %-13s %-12s %9d msg/s" % (r + 1, mode, name, rate), flush=True)
    print()
    for mode in modes:
        base = statistics.median(results[(mode, variants[0][0])])
        for name, _, _ in variants:
            runs = results[(mode, name)]
            print("%-13s %-12s median %8.0f msg/s  ratio to %s %.3f  (%d - %d)"
                  % (mode, name, statistics.median(runs), variants[0][0], statistics.median(runs) / base, min(runs), max(runs)))


if __name__ == "__main__":
    main()
