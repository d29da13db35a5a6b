#!/usr/bin/env python3
"""W1 with another AMQP engine, for the engine choice: jproton (proton-j), a bare protonj2 pair
(io.jproton.bench.Pj2Tput: our codec on a protonj2 1.0.0-M23 engine over a blocking socket, no
container) and Proton C++, interleaved, medians and ratios to C++ -> C++. An experiment to decide
the engine behind jproton's internal seam; jproton itself runs on proton-j.

Usage: bench/engine_w1.py [--count N] [--runs R]   (after bench/w1.py has built the C++ pair)
"""
import argparse, importlib.util, os, statistics

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("w1", os.path.join(HERE, "w1.py"))
w1 = importlib.util.module_from_spec(spec)
spec.loader.exec_module(w1)
BENCH_JAR = os.path.join(HERE, "target", "jproton-bench.jar")
PJ2 = [w1.JAVA[0]] + w1.JVM_OPTS + ["-cp", BENCH_JAR, "io.jproton.bench.Pj2Tput"]
plain_command = w1.command


def command(lang, program):
    if lang == "protonj2":
        return PJ2 + ["send" if program == "tput_send" else "recv"]
    return plain_command(lang, program)


w1.command = command
PAIRINGS = [("C++", "C++"), ("Java", "Java"), ("protonj2", "protonj2"), ("protonj2", "C++"), ("C++", "protonj2")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1000000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    w1.build()
    for mode in ("at-least-once", "presettled"):
        rates = {p: [] for p in PAIRINGS}
        for _ in range(a.runs):
            for p in PAIRINGS:
                rates[p].append(w1.one_run(p[0], p[1], mode, a.count))
        base = statistics.median(rates[("C++", "C++")])
        print("%s, %d messages, %d runs interleaved, medians (Java: %s)" % (mode, a.count, a.runs, " ".join(w1.JVM_OPTS)))
        for p in PAIRINGS:
            m = statistics.median(rates[p])
            print("  %-9s -> %-9s %9.0f msg/s  %5.2fx" % (p[0], p[1], m, m / base))


if __name__ == "__main__":
    main()
