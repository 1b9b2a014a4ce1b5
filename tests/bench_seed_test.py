#!/usr/bin/env python3
"""Checks `gilvm bench seed`: its options, its exit statuses and the structure
of the JSON it writes (never a timing: benchmarks are not tests).

    python3 tests/bench_seed_test.py --gilvm build/gilvm

python3 rows are expected when python3 is what runs this script, unless
GILVM_NO_PYTHON3 is set (then the bench runs with --no-python3).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

CASES = ["sequential", "2 threads", "4 threads", "2 processes", "4 processes"]
CPUS = ["all", "one"]
POLICIES: list[str] = []  # every policy gilvm has: the benches' default (set in main)


def gilvm_policies(gilvm: str) -> list[str]:
    """The policies `gilvm --help` lists ("--gil=POLICY  legacy | interval | ...")."""
    out = subprocess.run([gilvm, "--help"], capture_output=True, text=True, timeout=60)
    for line in (out.stdout + out.stderr).splitlines():
        if line.strip().startswith("--gil=POLICY"):
            names = line.split("--gil=POLICY", 1)[1].split("(default")[0]
            return [n.strip() for n in names.split("|") if n.strip()]
    raise SystemExit("gilvm --help lists no policies")
ROW_KEYS = ["runtime", "policy", "case", "cpus", "seconds", "ratio", "gil"]
GIL_KEYS = ["acquisitions", "contended", "failed_wakeups", "signals", "drop_requests",
            "forced_switches"]
TIMEOUT = 240

failures: list[str] = []


def check(condition: bool, message: str) -> None:
    if not condition:
        failures.append(message)


def run(gilvm: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([gilvm, "bench", "seed", *args], capture_output=True, text=True,
                          timeout=TIMEOUT)


def check_usage(gilvm: str) -> None:
    r = run(gilvm, "--help")
    check(r.returncode == 0 and "usage: gilvm bench seed" in r.stdout,
          f"--help: exit {r.returncode}, stdout {r.stdout[:200]!r}")
    for bad in (["--bogus"], ["--count", "0"], ["--count", "x"], ["--repeat", "0"],
                ["--gil=nonesuch"], ["--gil="], ["--json"], ["extra"]):
        r = run(gilvm, *bad)
        check(r.returncode == 2, f"{' '.join(bad)}: exit {r.returncode}, expected 2 (usage)")
        check(r.stdout == "", f"{' '.join(bad)}: a usage error must print nothing on stdout")


def check_run(gilvm: str, with_python3: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        args = ["--count", "200000", "--repeat", "1", "--json", str(out)]
        if not with_python3:
            args.append("--no-python3")
        r = run(gilvm, *args)
        check(r.returncode == 0,
              f"bench seed {' '.join(args)}: exit {r.returncode}\nstderr:\n{r.stderr}")
        if not out.exists():
            failures.append("no JSON file written")
            return
        data = json.loads(out.read_text())

    check(list(data) == ["count", "rows"], f"top-level keys {list(data)}")
    check(data.get("count") == 200000, f"count {data.get('count')!r}")
    rows = data.get("rows", [])
    runtimes = [("gilvm", p) for p in POLICIES] + ([("python3", None)] if with_python3 else [])
    expected = {(rt, p, c, cpus) for rt, p in runtimes for c in CASES for cpus in CPUS}
    seen = set()
    for row in rows:
        check(list(row) == ROW_KEYS, f"row keys {list(row)}")
        key = (row.get("runtime"), row.get("policy"), row.get("case"), row.get("cpus"))
        check(key in expected, f"unexpected row {key}")
        check(key not in seen, f"duplicate row {key}")
        seen.add(key)
        seconds, ratio = row.get("seconds"), row.get("ratio")
        check(isinstance(seconds, (int, float)) and seconds > 0, f"{key}: seconds {seconds!r}")
        check(isinstance(ratio, (int, float)) and ratio > 0, f"{key}: ratio {ratio!r}")
        if row.get("case") == "sequential" and row.get("cpus") == "all":
            check(ratio == 1, f"{key}: the reference row's ratio is {ratio!r}, not 1")
        gil = row.get("gil")
        if row.get("runtime") == "python3":
            check(gil is None, f"{key}: python3 has no GIL counters, got {gil!r}")
        elif gil is not None:  # null is allowed: the child may write no stats file
            check(isinstance(gil, dict) and list(gil) == GIL_KEYS, f"{key}: gil {gil!r}")
            if isinstance(gil, dict):
                for k, v in gil.items():
                    check(isinstance(v, int) and v >= 0, f"{key}: gil.{k} = {v!r}")
    check(seen == expected, f"missing rows: {sorted(map(str, expected - seen))}")

    # The table: one block per runtime, one counter line per policy and case.
    for rt, p in runtimes:
        title = f"gilvm --gil={p}" if p else "python3 "
        check(title in r.stdout, f"no block '{title}' in the table")
    for p in POLICIES:
        check(f"\n  {p}, 2 threads, one CPU: " in r.stdout, f"no counter line for {p}")
    check(r.stderr.count("\n") >= len(expected), "expected one progress line per run on stderr")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gilvm", required=True)
    opts = ap.parse_args()
    POLICIES[:] = gilvm_policies(opts.gilvm)
    check_usage(opts.gilvm)
    check_run(opts.gilvm, with_python3=not os.environ.get("GILVM_NO_PYTHON3"))
    for f in failures:
        print("FAIL:", f)
    print("bench_seed_test:", "FAILED" if failures else "ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
