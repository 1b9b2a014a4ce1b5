#!/usr/bin/env python3
"""Checks `gilvm bench convoy`: its options, its exit statuses, the structure
of the JSON it writes, its chart, and that it leaves no server process
behind, even when it is killed (never a timing: benchmarks are not tests).

    python3 tests/bench_convoy_test.py --gilvm build/gilvm

python3 rows are expected, and must succeed, when python3 is what runs this
script, unless GILVM_NO_PYTHON3 is set (then the bench runs with
--no-python3). gilvm rows must succeed too: a failed row would only be
excused by a missing socket module, and gilvm has one.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

POLICIES: list[str] = []  # every policy gilvm has: the benches' default (set in main)


def gilvm_policies(gilvm: str) -> list[str]:
    """The policies `gilvm --help` lists ("--gil=POLICY  legacy | interval | ...")."""
    out = subprocess.run([gilvm, "--help"], capture_output=True, text=True, timeout=60)
    for line in (out.stdout + out.stderr).splitlines():
        if line.strip().startswith("--gil=POLICY"):
            names = line.split("--gil=POLICY", 1)[1].split("(default")[0]
            return [n.strip() for n in names.split("|") if n.strip()]
    raise SystemExit("gilvm --help lists no policies")
TRANSPORTS = ["tcp", "unix"]
SIZES = [1, 1024]
THREADS = [0, 1]
ROW_KEYS = ["runtime", "policy", "transport", "message_bytes", "cpu_threads", "rtt_p50_us",
            "rtt_p99_us", "rtt_max_us", "requests_per_s", "cpu_work_ratio", "gil"]
GIL_KEYS = ["acquisitions", "contended", "failed_wakeups", "signals", "drop_requests",
            "forced_switches", "echo"]
ECHO_KEYS = ["acquisitions", "contended", "failed_wakeups", "drop_requests", "wait_ns",
             "mean_wait_us", "acquisitions_per_request", "wait_per_request_us"]
TIMEOUT = 240

failures: list[str] = []


def check(condition: bool, message: str) -> None:
    if not condition:
        failures.append(message)


def run(gilvm: str, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([gilvm, "bench", "convoy", *args], capture_output=True, text=True,
                          timeout=TIMEOUT, env=env)


def is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def check_usage(gilvm: str) -> None:
    r = run(gilvm, "--help")
    check(r.returncode == 0 and "usage: gilvm bench convoy" in r.stdout,
          f"--help: exit {r.returncode}, stdout {r.stdout[:200]!r}")
    for opt in ("--duration", "--rate", "--gil=LIST", "--threads=LIST", "--sizes=LIST",
                "--transports=LIST", "--json FILE", "--html FILE", "--trace DIR", "--no-python3"):
        check(opt in r.stdout, f"--help does not mention {opt}")
    for bad in (["--bogus"], ["--duration", "0"], ["--duration", "x"], ["--duration"],
                ["--rate"], ["--rate", "-1"], ["--rate", "x"],
                ["--threads="], ["--threads=a"], ["--threads=-1"], ["--threads=65"],
                ["--sizes=0"], ["--sizes=1,x"], ["--transports=udp"], ["--transports="],
                ["--gil=nonesuch"], ["--gil="], ["--gil=legacy,nonesuch"], ["--json"],
                ["--html"], ["--trace"], ["--no-python3=1"], ["extra"]):
        r = run(gilvm, *bad)
        check(r.returncode == 2, f"{' '.join(bad)}: exit {r.returncode}, expected 2 (usage)")
        check(r.stdout == "", f"{' '.join(bad)}: a usage error must print nothing on stdout")
        check("usage: gilvm bench convoy" in r.stderr, f"{' '.join(bad)}: no usage on stderr")
    r = run(gilvm, "--gil=nonesuch")
    check("unknown GIL policy 'nonesuch'" in r.stderr,
          f"--gil=nonesuch: main.cpp's message expected, got {r.stderr[:200]!r}")


def check_row(row: dict) -> None:
    key = (row.get("runtime"), row.get("policy"), row.get("transport"),
           row.get("message_bytes"), row.get("cpu_threads"))
    failed = "error" in row
    check(list(row) == ROW_KEYS + (["error"] if failed else []), f"{key}: row keys {list(row)}")
    runtime = row.get("runtime")
    check(runtime in ("gilvm", "python3"), f"{key}: runtime {runtime!r}")
    if runtime == "python3":
        check(row.get("policy") is None, f"{key}: python3's policy is null")
        check(not failed, f"{key}: a python3 row failed: {row.get('error')!r}")
    else:
        check(row.get("policy") in POLICIES, f"{key}: policy {row.get('policy')!r}")
        check(not failed, f"{key}: a gilvm row failed: {row.get('error')!r}")
    numbers = [row.get(k) for k in ("rtt_p50_us", "rtt_p99_us", "rtt_max_us", "requests_per_s")]
    if failed:
        check(isinstance(row["error"], str) and row["error"] != "", f"{key}: error {row['error']!r}")
        check(all(v is None for v in numbers) and row.get("cpu_work_ratio") is None,
              f"{key}: a failed row has no numbers, got {numbers}")
        check(row.get("gil") is None, f"{key}: a failed row has no counters")
        return
    p50, p99, rtt_max, rps = numbers
    check(all(is_number(v) and v > 0 for v in numbers), f"{key}: numbers {numbers}")
    if all(is_number(v) for v in numbers):
        check(p50 <= p99 <= rtt_max, f"{key}: p50 {p50} <= p99 {p99} <= max {rtt_max}")
    ratio = row.get("cpu_work_ratio")
    if row.get("cpu_threads") == 0:
        check(ratio is None, f"{key}: no CPU threads, so no cpu_work_ratio: {ratio!r}")
    else:
        check(is_number(ratio) and ratio >= 0, f"{key}: cpu_work_ratio {ratio!r}")
    gil = row.get("gil")
    if runtime == "python3":
        check(gil is None, f"{key}: python3 has no GIL counters, got {gil!r}")
        return
    check(isinstance(gil, dict) and list(gil) == GIL_KEYS, f"{key}: gil {gil!r}")
    if not isinstance(gil, dict):
        return
    for k in GIL_KEYS[:-1]:
        check(isinstance(gil.get(k), int) and gil[k] >= 0, f"{key}: gil.{k} = {gil.get(k)!r}")
    echo = gil.get("echo")
    check(isinstance(echo, dict) and list(echo) == ECHO_KEYS, f"{key}: gil.echo {echo!r}")
    if isinstance(echo, dict):
        for k in ECHO_KEYS[:5]:
            check(isinstance(echo.get(k), int) and echo[k] >= 0, f"{key}: echo.{k} = {echo.get(k)!r}")
        # Every request is a recv and a send, each of which gives the GIL up.
        check(echo.get("acquisitions", 0) >= 1, f"{key}: the echo thread never took the GIL")
        for k in ECHO_KEYS[5:]:
            check(is_number(echo.get(k)) and echo[k] >= 0, f"{key}: echo.{k} = {echo.get(k)!r}")


def check_run(gilvm: str, with_python3: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out, html, traces = Path(tmp) / "out.json", Path(tmp) / "out.html", Path(tmp) / "traces"
        args = ["--duration", "0.05", "--threads=0,1", "--sizes=1,1024", "--transports=tcp,unix",
                "--json", str(out), "--html", str(html), "--trace", str(traces)]
        if not with_python3:
            args.append("--no-python3")
        env = dict(os.environ, TMPDIR=tmp)
        r = run(gilvm, *args, env=env)
        if not out.exists():
            failures.append(f"no JSON file written (exit {r.returncode})\nstderr:\n{r.stderr}")
            return
        data = json.loads(out.read_text())
        page = html.read_text() if html.exists() else ""
        trace_files = {p.name: p for p in traces.glob("*.json")} if traces.exists() else {}
        for name in ("tcp, 1 byte", "tcp, 1024 bytes", "unix, 1 byte", "unix, 1024 bytes"):
            check(f'data-panel="{name}"' in page, f"the chart has no panel '{name}'")
        check(page.endswith("</html>\n"), "the chart is not a whole page")
        rows = data.get("rows", [])
        for row in rows:
            if row.get("runtime") != "gilvm" or "error" in row:
                continue
            name = (f"convoy-{row['policy']}-{row['transport']}-{row['message_bytes']}-"
                    f"{row['cpu_threads']}.json")
            check(name in trace_files, f"no trace {name} for a gilvm row")
            if name in trace_files:
                names = trace_thread_names(trace_files[name])
                check("echo" in names, f"{name}: no thread named 'echo' in the trace")
        leftover = [p.name for p in Path(tmp).iterdir() if p.name.startswith("gilvm-")]
        check(leftover == [], f"temporary files left behind: {leftover}")

    check(list(data) == ["rate_per_s", "rows"], f"top-level keys {list(data)}")
    check(data.get("rate_per_s") == 1000, f"rate_per_s {data.get('rate_per_s')!r}, default 1000")
    # The client paces itself: never more than the offered rate (10% for
    # the rounding of a short row).
    for row in rows:
        rps = row.get("requests_per_s")
        check(not is_number(rps) or rps <= 1100, f"requests_per_s {rps} above the 1,000 offered")
    runtimes = [("gilvm", p) for p in POLICIES] + ([("python3", None)] if with_python3 else [])
    expected = {(rt, p, t, s, n) for rt, p in runtimes for t in TRANSPORTS for s in SIZES
                for n in THREADS}
    seen = set()
    for row in rows:
        key = (row.get("runtime"), row.get("policy"), row.get("transport"),
               row.get("message_bytes"), row.get("cpu_threads"))
        check(key in expected, f"unexpected row {key}")
        check(key not in seen, f"duplicate row {key}")
        seen.add(key)
        check_row(row)
    check(seen == expected, f"missing rows: {sorted(map(str, expected - seen))}")

    any_failed = any("error" in row for row in rows)
    check(r.returncode == (1 if any_failed else 0),
          f"exit {r.returncode} with {'some' if any_failed else 'no'} failed rows\n"
          f"stderr:\n{r.stderr}")
    # The table: a block per transport and size, a counter line per
    # successful gilvm row, and each failed row named with its error.
    for block in ("\ntcp, 1 byte\n", "\ntcp, 1,024 bytes\n", "\nunix, 1 byte\n",
                  "\nunix, 1,024 bytes\n"):
        check(block in r.stdout, f"no block {block.strip()!r} in the table")
    for row in rows:
        if row.get("runtime") == "gilvm" and "error" not in row:
            line = (f"\n  {row['policy']}, {row['transport']}, "
                    f"{'1 byte' if row['message_bytes'] == 1 else '1,024 bytes'}, "
                    f"{row['cpu_threads']} CPU thread")
            check(line in r.stdout, f"no counter line {line.strip()!r}")
        if "error" in row:
            check(row["error"] in r.stdout, f"the table does not give the error {row['error']!r}")
    check(("\nFailed rows:\n" in r.stdout) == any_failed, "a 'Failed rows' block iff rows failed")
    check(r.stderr.count("\n") >= len(expected), "expected one progress line per row on stderr")


def trace_thread_names(path: Path) -> set:
    """The thread names a trace's metadata events give. A legacy row with a
    CPU thread writes about 200 MB in a tenth of a second (an event pair
    every 100 ticks), which json.loads takes seconds over; the writer puts
    one event on a line, so the metadata lines are parsed alone and the
    whole file is only checked to close its event array."""
    names = set()
    last = ""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if '"ph":"M"' in line:
                event = json.loads(line.rstrip().rstrip(","))
                names.add(event.get("args", {}).get("name"))
            last = line
    check(last.rstrip() == "]}", f"{path.name}: the trace does not end with ']}}'")
    return names


def servers_of(tmp: str) -> list[int]:
    """Processes whose command line names `tmp` (the bench's TMPDIR): its servers."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if tmp.encode() in cmdline and b"def spin(slot)" in cmdline:
            found.append(int(proc.name))
    return found


def check_killed_bench_leaves_no_server(gilvm: str, with_python3: bool) -> None:
    """A bench killed with SIGKILL mid-row takes its server with it."""
    with tempfile.TemporaryDirectory() as tmp:
        args = [gilvm, "bench", "convoy", "--duration", "20", "--threads=1", "--sizes=1",
                "--transports=unix"]
        if not with_python3:
            args.append("--no-python3")
        log = open(Path(tmp) / "bench.log", "w+")
        bench = subprocess.Popen(args, stdout=log, stderr=log, env=dict(os.environ, TMPDIR=tmp))
        try:
            # A server seen twice, half a second apart: a row that fails at
            # start-up (gilvm without socket) has a server for milliseconds.
            deadline, servers = time.monotonic() + 15, []
            while not servers and time.monotonic() < deadline and bench.poll() is None:
                if found := servers_of(tmp):
                    time.sleep(0.5)
                    servers = [pid for pid in found if pid in servers_of(tmp)]
                else:
                    time.sleep(0.05)
            if not servers:
                # Every row failed before its server was up (gilvm without
                # socket, run without python3): nothing to leave behind.
                log.seek(0)
                check(with_python3 is False, f"no server process seen within 15 s (bench exit "
                                             f"{bench.poll()}):\n{log.read()}")
                return
            bench.send_signal(signal.SIGKILL)
            bench.wait(timeout=10)
            deadline = time.monotonic() + 10
            while servers_of(tmp) and time.monotonic() < deadline:
                time.sleep(0.05)
            check(servers_of(tmp) == [], "the server outlived a killed bench")
        finally:
            if bench.poll() is None:
                bench.kill()
                bench.wait()
            for pid in servers_of(tmp):  # never leave one behind, even when the check failed
                os.kill(pid, signal.SIGKILL)
            log.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gilvm", required=True)
    opts = ap.parse_args()
    POLICIES[:] = gilvm_policies(opts.gilvm)
    with_python3 = not os.environ.get("GILVM_NO_PYTHON3")
    check_usage(opts.gilvm)
    check_run(opts.gilvm, with_python3)
    check_killed_bench_leaves_no_server(opts.gilvm, with_python3)
    for f in failures:
        print("FAIL:", f)
    print("bench_convoy_test:", "FAILED" if failures else "ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
