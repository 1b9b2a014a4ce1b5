#!/usr/bin/env python3
"""Checks `gilvm --trace`: the file is Chrome Trace Event JSON as
docs/trace-format.md describes, and it agrees with the GIL counters that
--gil-stats-json writes for the same run.

    python3 tests/trace_test.py --gilvm build/gilvm
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path

TIMEOUT = 120
SPANS = {"running (holds GIL)", "waiting for GIL"}
INSTANTS = {"failed wake-up", "signal", "drop request", "forced switch", "check release",
            "io preemption", "io paced", "thread start", "thread end", "trace limit reached"}
CAUSES = {"sleep", "lock", "join", "queue", "file", "stdout", "socket", "input", "other"}

# Two CPU-bound threads, a sleeper with a hostile name, a thread waiting
# for a lock, a queue the main thread waits on, joins, a daemon thread that
# never ends; output through stdout.
SCRIPT = r'''
import threading, time, sys, queue
def spin(n):
    while n > 0:
        n -= 1
def sleeper():
    time.sleep(0.3)  # still asleep when the main thread joins it
lock = threading.Lock()
lock.acquire()
def locker():
    with lock:
        pass
ts = [threading.Thread(target=spin, args=(N,), name="spin-%d" % i) for i in range(2)]
ts.append(threading.Thread(target=sleeper, name='<img src=x onerror=alert(1)> "q" & \\'))
ts.append(threading.Thread(target=locker, name="locker"))
qq = queue.Queue()
def putter():
    time.sleep(0.05)
    qq.put("item")
ts.append(threading.Thread(target=putter, name="putter"))
def forever():
    while True:
        time.sleep(0.0005)
# Still recording while the trace is written at exit.
threading.Thread(target=forever, name="daemon", daemon=True).start()
for t in ts:
    t.start()
qq.get()
time.sleep(0.01)
lock.release()
for t in ts:
    t.join()
print("done")
'''

failures: list[str] = []


def check(condition: bool, message: str) -> None:
    if not condition:
        failures.append(message)


def load(path: Path) -> dict:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def check_structure(trace: dict, policy: str, label: str) -> dict[int, list[dict]]:
    """Checks the format; returns the events by thread id."""
    other = trace.get("otherData", {})
    check(other.get("generator") == "gilvm", f"{label}: otherData.generator")
    check(other.get("policy") == policy, f"{label}: otherData.policy is {other.get('policy')!r}")
    for key in ("parameters", "command_line", "start_ns", "end_ns", "truncated", "dropped_events"):
        check(key in other, f"{label}: otherData.{key} missing")
    check(other.get("end_ns", 0) >= other.get("start_ns", 1), f"{label}: end_ns before start_ns")
    by_tid: dict[int, list[dict]] = collections.defaultdict(list)
    names: dict[int, str] = {}
    for e in trace["traceEvents"]:
        for key in ("ph", "name", "pid", "tid"):
            check(key in e, f"{label}: event without {key}: {e}")
        if e["ph"] == "M":
            if e["name"] == "thread_name":
                names[e["tid"]] = e["args"]["name"]
            continue
        by_tid[e["tid"]].append(e)
        if e["ph"] == "X":
            check(e["name"] in SPANS or e["name"].startswith("blocked: "), f"{label}: span {e['name']!r}")
            check(e["dur"] >= 0, f"{label}: negative duration {e}")
            if e["name"].startswith("blocked: "):
                check(e["args"]["cause"] in CAUSES and e["name"] == "blocked: " + e["args"]["cause"],
                      f"{label}: blocked span {e}")
        elif e["ph"] == "i":
            check(e["name"] in INSTANTS and e.get("s") == "t", f"{label}: instant {e}")
        else:
            check(False, f"{label}: unexpected phase {e['ph']!r}")
    check(set(names) == set(by_tid), f"{label}: every thread with events is named, and only those")
    for tid, events in by_tid.items():
        starts = [e["ts"] for e in events]
        check(starts == sorted(starts), f"{label}: thread {names.get(tid)} events not ordered by ts")
        # Running, waiting and blocked spans never overlap on one thread
        # (a microsecond of slack: ts and dur are rounded to the ns).
        spans = sorted((e["ts"], e["ts"] + e["dur"]) for e in events if e["ph"] == "X")
        for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
            if b0 < a1 - 0.001:
                check(False, f"{label}: thread {names.get(tid)}: spans overlap at {b0}")
                break
        kinds = [e["name"] for e in events]
        ends = 0 if names.get(tid) == "daemon" else 1
        check(kinds.count("thread start") == 1 and kinds.count("thread end") == ends,
              f"{label}: thread {names.get(tid)}: one start and {ends} end")
    trace["_names"] = names
    return by_tid


def check_against_counters(by_tid: dict, names: dict, stats: dict, label: str) -> None:
    rows = {t["name"]: t for t in stats["threads"]}
    check(sorted(rows) == sorted(names.values()),
          f"{label}: thread names {sorted(names.values())} vs counters {sorted(rows)}")
    for tid, events in by_tid.items():
        row = rows.get(names[tid])
        if row is None or names[tid] == "daemon":  # its counters are a snapshot
            continue
        count = collections.Counter(e["name"] for e in events)
        want = {
            "running (holds GIL)": row["acquisitions"],
            "waiting for GIL": row["acquisitions"],
            "failed wake-up": row["failed_wakeups"],
            "signal": row["signals"],
            "drop request": row["drop_requests"],
            "forced switch": row["forced_switches"],
            "check release": row["check_releases"],
            "io preemption": row.get("io_preemptions", 0),
            "io paced": row.get("io_paced", 0),
        }
        for kind, n in want.items():
            check(count[kind] == n, f"{label}: thread {names[tid]!r}: {count[kind]} '{kind}' events, "
                                    f"counters say {n}")
        waits = sum(e["args"]["failed_wakeups"] for e in events if e["name"] == "waiting for GIL")
        check(waits == row["failed_wakeups"], f"{label}: {names[tid]!r}: failed_wakeups args sum {waits}")


def run_traced(gilvm: str, tmp: Path, policy: str, extra: list[str], n: int) -> tuple:
    trace, stats = tmp / f"{policy}.json", tmp / f"{policy}-stats.json"
    r = subprocess.run([gilvm, f"--gil={policy}", f"--trace={trace}", f"--gil-stats-json={stats}", *extra,
                        "-c", SCRIPT.replace("N", str(n))],
                       capture_output=True, text=True, timeout=TIMEOUT)
    return r, trace, stats


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gilvm", required=True)
    gilvm = ap.parse_args().gilvm
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        for policy in ("legacy", "interval"):
            r, trace_path, stats_path = run_traced(gilvm, tmp, policy, [], 300000)
            check(r.returncode == 0 and r.stdout == "done\n", f"{policy}: exit {r.returncode}: {r.stderr}")
            if r.returncode != 0:
                continue
            trace = load(trace_path)
            by_tid = check_structure(trace, policy, policy)
            names = trace["_names"]
            check(trace["otherData"]["truncated"] is False, f"{policy}: not truncated")
            check(len(by_tid) == 7, f"{policy}: {len(by_tid)} threads, expected 7")
            check('<img src=x onerror=alert(1)> "q" & \\' in names.values(), f"{policy}: hostile name kept")
            raw = trace_path.read_text(encoding="utf-8")
            check("<img" not in raw, f"{policy}: '<' must be escaped in the JSON text")
            causes = {e["args"]["cause"] for ev in by_tid.values() for e in ev if e["ph"] == "X"
                      and e["name"].startswith("blocked")}
            check({"sleep", "lock", "join", "queue"} <= causes, f"{policy}: blocked causes {causes}")
            check_against_counters(by_tid, names, load(stats_path), policy)
            if policy == "legacy":
                count = collections.Counter(e["name"] for ev in by_tid.values() for e in ev)
                check(count["check release"] > 100, f"legacy: {count['check release']} check releases")

        # A limit that is reached: recording stops, and the file and stderr say so.
        r, trace_path, _ = run_traced(gilvm, tmp, "legacy", ["--trace-limit=500K"], 3000000)
        check(r.returncode == 0, f"limit: exit {r.returncode}: {r.stderr}")
        check("trace limit" in r.stderr and "not recorded" in r.stderr, f"limit: stderr {r.stderr!r}")
        if r.returncode == 0:
            trace = load(trace_path)
            check(trace["otherData"]["truncated"] is True and trace["otherData"]["dropped_events"] > 0,
                  f"limit: otherData {trace['otherData']}")
            check(any(e["name"] == "trace limit reached" for e in trace["traceEvents"]),
                  "limit: a 'trace limit reached' event")
            check(trace_path.stat().st_size < 4 << 20, f"limit: file is {trace_path.stat().st_size} bytes")

        # A program that leaves through os._exit (from a thread) or an
        # uncaught exception still gets its trace.
        for code, status, threads in (("import os, threading\n"
                                       "t = threading.Thread(target=os._exit, args=(3,))\n"
                                       "t.start()\nt.join()\n", 3, 2),
                                      ("raise ValueError('x')\n", 1, 1)):
            path = tmp / "exit.json"
            r = subprocess.run([gilvm, f"--trace={path}", "-c", code], capture_output=True, text=True,
                               timeout=TIMEOUT)
            check(r.returncode == status, f"exit {status}: got {r.returncode}: {r.stderr}")
            try:
                events = load(path)["traceEvents"]
                check(sum(e["name"] == "thread_name" for e in events) == threads and
                      any(e["name"] == "running (holds GIL)" for e in events), f"exit {status}: events {events[:5]}")
            except (OSError, ValueError) as e:
                check(False, f"exit {status}: no trace: {e}")

        # A thread waiting in a socket's recv() is blocked on the socket, not
        # holding the GIL: a "blocked: socket" span of about the sender's delay.
        path = tmp / "socket.json"
        code = ("import socket, threading, time\n"
                "a, b = socket.socketpair()\n"
                "t = threading.Thread(target=lambda: print(b.recv(10)), name='reader')\n"
                "t.start()\ntime.sleep(0.05)\na.sendall(b'wake')\nt.join()\n")
        r = subprocess.run([gilvm, f"--trace={path}", "-c", code], capture_output=True, text=True,
                           timeout=TIMEOUT)
        check(r.returncode == 0 and r.stdout == "b'wake'\n", f"socket: exit {r.returncode}: {r.stderr}")
        if r.returncode == 0:
            trace = load(path)
            by_tid = check_structure(trace, "interval", "socket")
            reader = [tid for tid, name in trace["_names"].items() if name == "reader"]
            spans = [e for e in by_tid.get(int(reader[0]) if reader else -1, [])
                     if e["ph"] == "X" and e["name"] == "blocked: socket"]
            check(any(e["dur"] >= 30_000 for e in spans), f"socket: reader's socket spans {spans}")

        # Usage errors.
        for bad in (["--trace-limit=0"], ["--trace-limit=12Q"], ["--trace="],
                    [f"--trace={tmp}/no/such/dir/t.json"]):
            r = subprocess.run([gilvm, *bad, "-c", "print(1)"], capture_output=True, text=True, timeout=TIMEOUT)
            check(r.returncode == 2 and r.stdout == "" and r.stderr.strip(),
                  f"{bad}: exit {r.returncode}, stderr {r.stderr!r}")

    for f in failures:
        print("FAIL:", f)
    print("trace_test:", "ok" if not failures else f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
