#!/usr/bin/env python3
"""Run gilvm's libFuzzer targets (docs/fuzzing.md) for a given time each.

    python3 tests/fuzz/libfuzzer.py --build build-asan --seconds 300
    python3 tests/fuzz/libfuzzer.py --build build-asan --seconds 60 --only vm
    python3 tests/fuzz/libfuzzer.py --build build-asan --seconds 60 --parallel

The build folder is a -DGILVM_FUZZ=ON build (`make fuzz` makes it). Under
BUILD/fuzz/ this script keeps everything the runs produce, all out of the
repository (build*/ is ignored):

  seed-vm/       the scripts of tests/py, copied afresh each run (folders that
                 need the withheld modules -- processes, sockets -- left out);
  seed-trace/    small traces written by BUILD/gilvm --trace, made once;
  corpus-vm/, corpus-trace/
                 what libFuzzer grows, kept between runs so each run starts
                 where the last stopped;
  artifacts/     crash-*, timeout-*, oom-* inputs, one file per finding;
  work/          the vm target's working folder (programs may open() files);
  last-vm.log, last-trace.log
                 libFuzzer's output of the latest run;
  runs.log       one line per target and run: date, seconds, executions,
                 coverage, exit status.

Exit status 0 when every target ran its time without a finding, 1 otherwise.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Seed folders whose scripts need modules the vm target withholds.
SKIPPED_SEED_DIRS = {"multiprocessing", "net", "subprocess", "futures"}

# Programs whose traces seed the trace target: one thread, threads that
# contend, threads that block.
TRACE_PROGRAMS = {
    "single": "s = 0\nfor i in range(20000): s += i\nprint(s)\n",
    "contended": (
        "import threading\n"
        "def work():\n"
        "    s = 0\n"
        "    for i in range(50000): s += i\n"
        "ts = [threading.Thread(target=work) for _ in range(3)]\n"
        "for t in ts: t.start()\n"
        "for t in ts: t.join()\n"
    ),
    "blocking": (
        "import threading, time\n"
        "lock = threading.Lock()\n"
        "def io():\n"
        "    for _ in range(5):\n"
        "        with lock: time.sleep(0.002)\n"
        "def cpu():\n"
        "    s = 0\n"
        "    for i in range(30000): s += i\n"
        "ts = [threading.Thread(target=io), threading.Thread(target=cpu)]\n"
        "for t in ts: t.start()\n"
        "for t in ts: t.join()\n"
    ),
}


def vm_seeds(dest: Path) -> None:
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    for path in sorted((ROOT / "tests/py").rglob("*.py")):
        rel = path.relative_to(ROOT / "tests/py")
        if rel.parts[0] in SKIPPED_SEED_DIRS:
            continue
        shutil.copyfile(path, dest / "_".join(rel.parts))


def trace_seeds(build: Path, dest: Path) -> None:
    if dest.is_dir() and any(dest.iterdir()):
        return
    dest.mkdir(parents=True, exist_ok=True)
    for policy in ("legacy", "interval", "fair"):
        for name, program in TRACE_PROGRAMS.items():
            out = dest / f"{name}-{policy}.json"
            subprocess.run([str(build / "gilvm"), f"--gil={policy}", f"--trace={out}",
                            "--trace-limit=64K", "-c", program],
                           check=True, stdout=subprocess.DEVNULL,
                           env={**os.environ, "ASAN_OPTIONS": "detect_leaks=0"})
    # The trace-limit path: a trace cut short.
    out = dest / "truncated.json"
    subprocess.run([str(build / "gilvm"), f"--trace={out}", "--trace-limit=2K", "-c",
                    TRACE_PROGRAMS["contended"]], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, env={**os.environ, "ASAN_OPTIONS": "detect_leaks=0"})


def run_target(build: Path, name: str, seconds: int, fuzz: Path) -> tuple[int, dict[str, str]]:
    corpus = fuzz / f"corpus-{name}"
    seeds = fuzz / f"seed-{name}"
    artifacts = fuzz / "artifacts"
    work = fuzz / "work"
    for d in (corpus, artifacts, work):
        d.mkdir(parents=True, exist_ok=True)
    cmd = ["nice", "-n", "19", str(build / f"gilvm_fuzz_{name}"),
           f"-max_total_time={seconds}",
           "-timeout=30",          # a hang: the execution limits end every program in ~2 s
           "-rss_limit_mb=3072",   # the vm target's memory cap is 1 GiB
           "-max_len=16384",
           "-print_final_stats=1",
           f"-artifact_prefix={artifacts}/{name}-",
           str(corpus), str(seeds)]
    if name == "vm":
        cmd.insert(4, "-close_fd_mask=3")  # the programs' own output
    env = {**os.environ,
           # Leaks are expected (gilvm frees nothing at exit, and the vm
           # target reuses one interpreter); a huge malloc must fail into
           # MemoryError rather than abort.
           "ASAN_OPTIONS": "detect_leaks=0:allocator_may_return_null=1:handle_abort=1",
           "UBSAN_OPTIONS": "print_stacktrace=1:halt_on_error=1"}
    print(f"=== {name}: {' '.join(cmd)}", flush=True)
    # libFuzzer's own output goes to a file that can be watched while it runs.
    log_path = fuzz / f"last-{name}.log"
    with open(log_path, "w") as log:
        rc = subprocess.run(cmd, cwd=work, env=env, stderr=log).returncode
    output = log_path.read_text(errors="replace")
    stats = dict(re.findall(r"^stat::(\w+):\s*(\d+)", output, re.M))
    cov = re.findall(r"cov: (\d+) ft: (\d+)", output)
    if cov:
        stats["cov"], stats["ft"] = cov[-1]
    if rc != 0:
        sys.stderr.write(output[-20000:])
    return rc, stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build-asan", type=Path)
    ap.add_argument("--seconds", default=300, type=int, help="per target")
    ap.add_argument("--only", choices=["vm", "trace"], action="append")
    ap.add_argument("--parallel", action="store_true",
                    help="run the targets at the same time, one core each (make test)")
    args = ap.parse_args()
    build = args.build.resolve()
    fuzz = build / "fuzz"
    vm_seeds(fuzz / "seed-vm")
    trace_seeds(build, fuzz / "seed-trace")
    status = 0
    names = args.only or ["vm", "trace"]
    with concurrent.futures.ThreadPoolExecutor(len(names) if args.parallel else 1) as pool:
        runs = [pool.submit(run_target, build, name, args.seconds, fuzz) for name in names]
    with open(fuzz / "runs.log", "a") as log:
        for name, run in zip(names, runs):
            rc, stats = run.result()
            execs = stats.get("number_of_executed_units", "?")
            line = (f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%dT%H:%M:%SZ} {name} "
                    f"seconds={args.seconds} execs={execs} cov={stats.get('cov', '?')} "
                    f"ft={stats.get('ft', '?')} corpus={len(list((fuzz / f'corpus-{name}').iterdir()))} "
                    f"rss_mb={stats.get('peak_rss_mb', '?')} exit={rc}")
            print(f"=== {line}", flush=True)
            log.write(line + "\n")
            if rc != 0:
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
