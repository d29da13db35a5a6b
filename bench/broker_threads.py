#!/usr/bin/env python3
"""Broker throughput with -t 1 vs -t 2 (or more), side by side in one run.

One load process (bench BrokerLoad: CONNECTIONS sender connections, COUNT messages each,
at-least-once, 100-byte bodies, one queue each) sends into our broker example; the broker gives
each link its default credit window (10, as C++), so many links are needed to keep it busy.
Runs are interleaved across thread counts; the table shows medians and the ratio to -t 1.

Usage: bench/broker_threads.py [--count N] [--connections C] [--runs R] [--threads 1,2]
"""
import argparse, os, re, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "examples", "target", "jproton-examples.jar")
BENCH = os.path.join(ROOT, "bench", "target", "jproton-bench.jar")
JVM = os.environ.get("JPROTON_BENCH_JVM_OPTS", "-XX:+UseParallelGC -Xmn64m -XX:+AlwaysPreTouch").split()


def once(threads, count, connections, cpp=None):
    cmd = [cpp, "-a", "127.0.0.1:0"] if cpp else ["java"] + JVM + ["-jar", JAR, "broker", "-a", "127.0.0.1:0", "-t", str(threads)]
    broker = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
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
        load = subprocess.run(["java"] + JVM + ["-cp", BENCH, "io.jproton.bench.BrokerLoad", "127.0.0.1:" + port,
                               str(connections), str(count)], capture_output=True, text=True, timeout=600)
        m = re.search(r"(\d+) messages in ([\d.]+) s", load.stdout)
        if load.returncode != 0 or not m or int(m.group(1)) != connections * count:
            raise SystemExit("the load failed: " + load.stdout + load.stderr)
        return int(m.group(1)) / float(m.group(2))
    finally:
        broker.kill()
        broker.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=50000)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--cpp", help="also run this Proton C++ broker example binary (it uses every processor)")
    a = ap.parse_args()
    if not os.path.isfile(JAR) or not os.path.isfile(BENCH):
        raise SystemExit("build first: mvn -B -q package -DskipTests")
    ts = [int(t) for t in a.threads.split(",")]
    rates = {t: [] for t in ts}
    cpp = []
    for _ in range(a.runs):
        for t in ts:
            rates[t].append(once(t, a.count, a.connections))
        if a.cpp:
            cpp.append(once(0, a.count, a.connections, a.cpp))
    print("broker ingest, %d connections x %d msgs, at-least-once, %d runs interleaved, medians (JVM: %s; %d processors)"
          % (a.connections, a.count, a.runs, " ".join(JVM), os.cpu_count()))
    base = statistics.median(rates[ts[0]])
    for t in ts:
        m = statistics.median(rates[t])
        print("broker -t %-3d %10.0f msg/s  %5.2fx   runs: %s" % (t, m, m / base, " ".join("%.0f" % r for r in rates[t])))
    if cpp:
        m = statistics.median(cpp)
        print("C++ broker    %10.0f msg/s  %5.2fx   runs: %s" % (m, m / base, " ".join("%.0f" % r for r in cpp)))


if __name__ == "__main__":
    main()
