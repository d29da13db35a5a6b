#!/usr/bin/python3
"""W1 throughput benchmark: jproton against Proton C++ 0.37, side by side in one run.

One connection over loopback, 100-byte binary bodies, credit window 1000, a sender that connects
and a receiver that listens; at-least-once (the sender counts accepts) and pre-settled. Every
pairing (C++->C++, Java->Java, Java->C++, C++->Java) runs in both modes, several rounds,
interleaved, so that machine noise hits all of them alike. The rate is the receiver's, from its
first message to its last. Prints medians and each pairing's ratio to C++->C++ in the same run;
with --docs, also writes docs/bench-w1.md and docs/bench-w1.png (the chart needs python3-matplotlib).

With --metrics, a fifth pairing runs Java -> Java with both ends counting into Micrometer meters
(tput_send/tput_recv --metrics, module metrics-micrometer), and the ratio to plain Java -> Java in
the same run is printed: what the metrics cost.

Usage: bench/w1.py [--count N] [--runs R] [--docs] [--metrics]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "bench", "target")
JAR = os.path.join(ROOT, "examples", "target", "jproton-examples.jar")
# The JVM settings of the Java side, printed with the results. A throughput collector with a
# cache-sized young generation suits a 2-core box. AlwaysPreTouch takes the heap's first-touch page
# faults at start-up, before the first message, as a JVM that has run a while has already paid them
# (on this VM they cost Java->Java 1M runs about a fifth of their rate). Set JPROTON_BENCH_JVM_OPTS=""
# for the JVM's defaults.
JVM_OPTS = os.environ.get("JPROTON_BENCH_JVM_OPTS", "-XX:+UseParallelGC -Xmn64m -XX:+AlwaysPreTouch").split()
JAVA = [os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"] + JVM_OPTS + ["-jar", JAR]
PAIRINGS = [("C++", "C++"), ("Java", "Java"), ("Java", "C++"), ("C++", "Java")]
MODES = ["at-least-once", "presettled"]
METRICS = "Java+metrics"


def build():
    os.makedirs(BUILD, exist_ok=True)
    for name in ("tput_send", "tput_recv"):
        src = os.path.join(ROOT, "bench", name + ".cpp")
        out = os.path.join(BUILD, name)
        if not os.path.exists(out) or os.path.getmtime(src) > os.path.getmtime(out):
            subprocess.check_call(["g++", "-O2", "-std=c++11", "-pthread", src, "-o", out, "-lqpid-proton-cpp"])
    if not os.path.exists(JAR):
        subprocess.check_call(["mvn", "-B", "-q", "package", "-DskipTests"], cwd=ROOT)


def command(lang, program):
    if lang == "C++":
        return [os.path.join(BUILD, program)]
    return JAVA + [program] + (["--metrics"] if lang == METRICS else [])


def one_run(sender, receiver, mode, count):
    recv = subprocess.Popen(command(receiver, "tput_recv") + ["127.0.0.1:0", str(count), "--credit", "1000"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = recv.stdout.readline()
        m = re.search(r"listening on (\d+)", line)
        if not m:
            raise RuntimeError("receiver did not start: " + line + recv.stdout.read())
        args = ["127.0.0.1:%s/w1" % m.group(1), str(count), "--size", "100"]
        if mode == "presettled":
            args.append("--presettled")
        send = subprocess.run(command(sender, "tput_send") + args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, timeout=600)
        out, _ = recv.communicate(timeout=600)
        if send.returncode != 0 or recv.returncode != 0:
            raise RuntimeError("run failed: sender said %r, receiver said %r" % (send.stdout, out))
        rate = re.search(r"tput_recv: \d+ messages in [\d.]+ s, (\d+) msg/s", out)
        if not rate:
            raise RuntimeError("no rate in receiver output: " + out)
        return int(rate.group(1))
    finally:
        if recv.poll() is None:
            recv.kill()


def main():
    ap = argparse.ArgumentParser(description="W1: jproton vs Proton C++, side by side")
    ap.add_argument("--count", type=int, default=1000000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--docs", action="store_true", help="write docs/bench-w1.md and docs/bench-w1.png")
    ap.add_argument("--metrics", action="store_true", help="also Java -> Java counting into Micrometer meters")
    a = ap.parse_args()
    if a.metrics:
        PAIRINGS.append((METRICS, METRICS))
    build()
    results = {(s, r, m): [] for s, r in PAIRINGS for m in MODES}
    for run in range(a.runs):
        for mode in MODES:
            for s, r in PAIRINGS:
                rate = one_run(s, r, mode, a.count)
                results[(s, r, mode)].append(rate)
                print("run %d %-13s %4s -> %-4s %9d msg/s" % (run + 1, mode, s, r, rate), flush=True)
    lines = ["| pairing (sender -> receiver) | mode | median msg/s | runs | spread (min - max) | ratio to C++ -> C++ |",
             "|---|---|---:|---:|---:|---:|"]
    medians = {}
    for mode in MODES:
        anchor = statistics.median(results[("C++", "C++", mode)])
        for s, r in PAIRINGS:
            med = statistics.median(results[(s, r, mode)])
            medians[(s, r, mode)] = med
            runs = results[(s, r, mode)]
            lines.append("| %s -> %s | %s | %.0f | %d | %d - %d | %.2fx |"
                         % (s, r, mode, med, a.runs, min(runs), max(runs), med / anchor))
    table = "\n".join(lines)
    print()
    if a.metrics:
        for mode in MODES:
            print("metrics cost, %s: Java+metrics / Java = %.3f" % (mode, medians[(METRICS, METRICS, mode)]
                                                                    / medians[("Java", "Java", mode)]))
    print("Java runs with JVM options: %s" % (" ".join(JVM_OPTS) or "(JVM defaults)"))
    print(table)
    if a.docs:
        write_docs(a, table, medians)


def write_docs(a, table, medians):
    docs = os.path.join(ROOT, "docs")
    os.makedirs(docs, exist_ok=True)
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    with open(os.path.join(docs, "bench-w1.md"), "w") as f:
        f.write("# W1 throughput, jproton vs Proton C++ 0.37\n\n")
        f.write("Produced by `bench/w1.py --count %d --runs %d --docs` on %s (%d cores), %s.\n\n"
                % (a.count, a.runs, cpu or "this machine", os.cpu_count(), time.strftime("%Y-%m-%d")))
        f.write("One connection over loopback, 100-byte binary body, credit window 1000, %d messages; "
                "the receiver's rate from first to last message; medians of interleaved runs. "
                "Java runs with JVM options `%s`. The spread column shows how noisy the machine is: "
                "compare ratios measured in the same run, never absolute rates across runs.\n\n"
                % (a.count, " ".join(JVM_OPTS) or "(JVM defaults)"))
        f.write(table + "\n\n![W1 chart](bench-w1.png)\n")
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("python3-matplotlib is not installed: no chart written", file=sys.stderr)
        return
    fig, ax = plt.subplots(figsize=(8, 4))
    width = 0.2
    for i, (s, r) in enumerate(PAIRINGS):
        xs = [j + (i - 1.5) * width for j in range(len(MODES))]
        ax.bar(xs, [medians[(s, r, m)] / 1e6 for m in MODES], width, label="%s -> %s" % (s, r))
    ax.set_xticks(range(len(MODES)))
    ax.set_xticklabels(MODES)
    ax.set_ylabel("million msg/s (median)")
    ax.set_title("W1: 100-byte messages over one loopback connection")
    ax.legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(os.path.join(docs, "bench-w1.png"), dpi=100)


if __name__ == "__main__":
    main()
