#!/usr/bin/env python3
"""Broker throughput with -t 1 vs -t 2 (or more), side by side in one run.

Two tput_send producers (COUNT messages each, at-least-once, 100-byte bodies, one queue each)
send at once into our broker example; the aggregate rate is 2*COUNT over the wall time of both.
Runs are interleaved across thread counts; the table shows medians and the ratio to -t 1.

Usage: bench/broker_threads.py [--count N] [--runs R] [--threads 1,2]
"""
import argparse, os, re, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "examples", "target", "jproton-examples.jar")
JVM = os.environ.get("JPROTON_BENCH_JVM_OPTS", "-XX:+UseParallelGC -Xmn64m").split()


def once(threads, count):
    broker = subprocess.Popen(["java"] + JVM + ["-jar", JAR, "broker", "-a", "127.0.0.1:0", "-t", str(threads)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        port = None
        deadline = time.time() + 30
        while port is None and time.time() < deadline:
            line = broker.stdout.readline()
            m = re.search(r"broker listening on (\d+)", line)
            if m:
                port = m.group(1)
        if port is None:
            raise SystemExit("the broker did not start")
        start = time.time()
        senders = [subprocess.Popen(["java"] + JVM + ["-jar", JAR, "tput_send", "127.0.0.1:%s/q%d" % (port, i), str(count)],
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for i in range(2)]
        for s in senders:
            out, _ = s.communicate(timeout=600)
            if s.returncode != 0:
                raise SystemExit("tput_send failed: " + out)
        return 2 * count / (time.time() - start)
    finally:
        broker.kill()
        broker.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=200000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", default="1,2")
    a = ap.parse_args()
    if not os.path.isfile(JAR):
        raise SystemExit("build first: mvn -B -q package -DskipTests")
    ts = [int(t) for t in a.threads.split(",")]
    rates = {t: [] for t in ts}
    for _ in range(a.runs):
        for t in ts:
            rates[t].append(once(t, a.count))
    print("broker ingest, 2 producers x %d msgs, at-least-once, %d runs interleaved, medians (JVM: %s; %d processors)"
          % (a.count, a.runs, " ".join(JVM), os.cpu_count()))
    base = statistics.median(rates[ts[0]])
    for t in ts:
        m = statistics.median(rates[t])
        print("broker -t %-3d %10.0f msg/s  %5.2fx   runs: %s" % (t, m, m / base, " ".join("%.0f" % r for r in rates[t])))


if __name__ == "__main__":
    main()
