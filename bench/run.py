#!/usr/bin/env python3
"""Run gilvm and its peers (python3, lua5.4) on the same benchmarks, side by side.

Each benchmark is a self-checking script (bench/NAME.py, and bench/NAME.lua when a
Lua twin exists) that takes one optional argument, a workload scale, and prints a
`result: ...` line and an `ok ...` line. A run that exits non-zero, lacks the `ok`
line, or whose `result:` line differs from python3's is FAILED and not timed.

Runs alternate between interpreters (these machines are shared and noisy); the
table shows the median wall time of --repeat runs and the peak RSS of the child
(os.wait4's ru_maxrss). Timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
BENCHMARKS = ["countdown", "fib", "dictstr", "nbody", "methods"]
TIMEOUT_SECONDS = 600


GNU_TIME = "/usr/bin/time"


def run_once(cmd: list[str]) -> dict:
    """Run cmd; return wall seconds, peak RSS in MB, exit code and output.

    Peak memory comes from GNU time when installed: a child forked straight
    from this (much larger) Python process would report this process's RSS,
    because Linux carries the peak across exec.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r") as peak:
        use_time = os.path.exists(GNU_TIME)
        if use_time:
            cmd = [GNU_TIME, "-f", "%M", "-o", peak.name, "--"] + cmd
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                cwd=BENCH_DIR)
        timer = threading.Timer(TIMEOUT_SECONDS, proc.kill)
        timer.start()
        try:
            _, status, rusage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # keep Popen from waiting again
        out.seek(0)
        err.seek(0)
        peak_kib = rusage.ru_maxrss  # Linux reports KiB
        if use_time:
            text = peak.read().strip().splitlines()
            if text and text[-1].isdigit():
                peak_kib = int(text[-1])
        return {
            "seconds": wall,
            "peak_mb": peak_kib / 1024.0,
            "exit": proc.returncode,
            "stdout": out.read().decode("utf-8", "replace"),
            "stderr": err.read().decode("utf-8", "replace"),
        }


def result_line(stdout: str) -> str | None:
    for line in stdout.splitlines():
        if line.startswith("result:"):
            return line
    return None


def check(run: dict, reference: str | None) -> str | None:
    """Return why a run failed, or None when its output is right."""
    if run["exit"] != 0:
        tail = (run["stderr"] or run["stdout"]).strip().splitlines()[-3:]
        return f"exit {run['exit']}: " + " | ".join(tail)
    if not any(l.startswith("ok") for l in run["stdout"].splitlines()):
        return "no 'ok' line in output"
    got = result_line(run["stdout"])
    if reference is not None and got != reference:
        return f"wrong result: {got!r}, python3 says {reference!r}"
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5, help="runs per interpreter (default 5)")
    ap.add_argument("--only", help="comma list of benchmarks to run")
    ap.add_argument("--scale", type=float, default=1.0, help="workload scale (e.g. 0.1)")
    ap.add_argument("--json", metavar="FILE", help="also save the results as JSON")
    ap.add_argument("--gilvm", default=str(REPO / "build" / "gilvm"), help="gilvm binary")
    ap.add_argument("--gilvm-args", default="", help="extra options for gilvm, e.g. --gil=legacy")
    args = ap.parse_args()

    names = BENCHMARKS
    if args.only:
        names = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = [n for n in names if not (BENCH_DIR / f"{n}.py").exists()]
        if unknown:
            print(f"error: unknown benchmark(s): {', '.join(unknown)}", file=sys.stderr)
            return 2

    runners: dict[str, list[str]] = {}
    if os.access(args.gilvm, os.X_OK):
        runners["gilvm"] = [args.gilvm] + args.gilvm_args.split()
    else:
        print(f"note: {args.gilvm} not found; gilvm skipped (run `make build`)")
    if python3 := shutil.which("python3"):
        # Resolve wrappers such as pyenv's shims (a shell script that would
        # add its own start-up time to every python3 run).
        resolved = subprocess.run([python3, "-c", "import sys; print(sys.executable)"],
                                  capture_output=True, text=True).stdout.strip()
        runners["python3"] = [resolved or python3]
    else:
        print("note: python3 not found; no reference results or ratios")
    if lua := shutil.which("lua5.4"):
        runners["lua"] = [lua]
    else:
        print("note: lua5.4 not found; lua skipped")
    if not runners:
        print("error: no interpreter to run", file=sys.stderr)
        return 2

    scale_arg = [repr(args.scale)]
    results: dict[str, dict] = {}
    for name in names:
        scripts = {r: BENCH_DIR / f"{name}.{'lua' if r == 'lua' else 'py'}" for r in runners}
        active = [r for r in runners if scripts[r].exists()]
        runs: dict[str, list[dict]] = {r: [] for r in active}
        for rep in range(args.repeat):
            for r in active:  # alternate interpreters within each repetition
                runs[r].append(run_once(runners[r] + [str(scripts[r])] + scale_arg))
            if sys.stderr.isatty():
                print(f"  {name}: run {rep + 1}/{args.repeat}", end="\r", file=sys.stderr, flush=True)
        if sys.stderr.isatty():
            print(" " * 40, end="\r", file=sys.stderr)

        reference = None
        if "python3" in runs and runs["python3"] and runs["python3"][0]["exit"] == 0:
            reference = result_line(runs["python3"][0]["stdout"])
        entry: dict[str, dict] = {}
        for r, rs in runs.items():
            # Lua prints its own result line; only Python scripts share python3's reference.
            failure = next((f for f in (check(x, reference if r != "lua" else None) for x in rs)
                            if f), None)
            if failure:
                entry[r] = {"status": "FAILED", "reason": failure}
                print(f"FAILED {name} under {r}: {failure}")
            else:
                entry[r] = {
                    "status": "ok",
                    "seconds": statistics.median(x["seconds"] for x in rs),
                    "all_seconds": [round(x["seconds"], 4) for x in rs],
                    "peak_mb": max(x["peak_mb"] for x in rs),
                }
        results[name] = entry

    print_table(results)
    if args.json:
        meta = {"scale": args.scale, "repeat": args.repeat, "runners": runners,
                "time": time.strftime("%Y-%m-%dT%H:%M:%S"), "host_cpus": os.cpu_count()}
        Path(args.json).write_text(json.dumps({"meta": meta, "results": results}, indent=2) + "\n")
        print(f"saved {args.json}")
    failed = any(v.get("status") == "FAILED" for e in results.values() for v in e.values())
    return 1 if failed else 0


def print_table(results: dict[str, dict]) -> None:
    def secs(e):
        if e is None:
            return "-"
        return "FAILED" if e["status"] != "ok" else f"{e['seconds']:.3f}"

    def ratio(a, b):
        if not a or not b or a["status"] != "ok" or b["status"] != "ok":
            return "-"
        return f"{a['seconds'] / b['seconds']:.2f}x"

    def mb(e):
        return f"{e['peak_mb']:.1f}" if e and e["status"] == "ok" else "-"

    header = ["bench", "gilvm s", "python3 s", "gilvm/py", "lua s", "lua/py",
              "gilvm MB", "python3 MB"]
    rows = []
    for name, e in results.items():
        g, p, l = e.get("gilvm"), e.get("python3"), e.get("lua")
        rows.append([name, secs(g), secs(p), ratio(g, p), secs(l), ratio(l, p), mb(g), mb(p)])
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    line = "  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(header, widths)))
    print(line)
    print("-" * len(line))
    for r in rows:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))


if __name__ == "__main__":
    sys.exit(main())
