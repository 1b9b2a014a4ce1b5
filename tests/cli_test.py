#!/usr/bin/env python3
"""Checks gilvm's own options, which python3 has not and so the tests/py
runner cannot compare: "--name VALUE" and "--name=VALUE" alike everywhere
(one option reader for gilvm, bench seed, bench convoy and report), usage
errors (exit 2, the message on stderr), and --help listing every option
and command.

    python3 tests/cli_test.py --gilvm build/gilvm
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

failures: list[str] = []


def check(condition: bool, message: str) -> None:
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def run(gilvm: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([gilvm, *args], capture_output=True, text=True, timeout=60)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gilvm", required=True)
    gilvm = ap.parse_args().gilvm

    # An uncaught KeyboardInterrupt: the traceback, then death by SIGINT
    # (returncode -2; status 130 in a shell), as python3 does.
    for program in ("raise KeyboardInterrupt",
                    "import os, signal, time\nos.kill(os.getpid(), signal.SIGINT)\ntime.sleep(5)"):
        for exe in (gilvm, sys.executable):
            r = run(exe, "-c", program)
            check(r.returncode == -2, f"{exe}: uncaught KeyboardInterrupt exits {r.returncode}, expected -2")
            check("KeyboardInterrupt" in r.stderr, f"{exe}: no KeyboardInterrupt traceback: {r.stderr!r}")
    shell = subprocess.run(["sh", "-c", f'"{gilvm}" -c "raise KeyboardInterrupt" 2>/dev/null; echo $?'],
                           capture_output=True, text=True, timeout=60)
    check(shell.stdout.strip() == "130", f"shell status after KeyboardInterrupt: {shell.stdout!r}")
    r = run(gilvm, "-c", "try:\n    raise KeyboardInterrupt\nexcept KeyboardInterrupt:\n    print('caught')")
    check(r.returncode == 0 and r.stdout == "caught\n", f"caught KeyboardInterrupt: {r.returncode} {r.stdout!r}")

    code = "import sys; print(sys.getswitchinterval(), sys.argv[1:])"
    for spelling in (["--gil=fair", "--switch-interval=0.002"],
                     ["--gil", "fair", "--switch-interval", "0.002"]):
        with tempfile.TemporaryDirectory() as tmp:
            stats = Path(tmp) / "stats.json"
            trace = Path(tmp) / "t.json"
            split = "=" not in spelling[0]
            extra = (["--gil-stats-json", str(stats), "--trace", str(trace)] if split else
                     [f"--gil-stats-json={stats}", f"--trace={trace}"])
            r = run(gilvm, *spelling, *extra, "-c", code, "--gil", "x")
            label = " ".join(spelling)
            check(r.returncode == 0, f"{label}: exit {r.returncode}: {r.stderr[:300]}")
            check(r.stdout == "0.002 ['--gil', 'x']\n", f"{label}: stdout {r.stdout!r}")
            if stats.exists():
                check(json.loads(stats.read_text()).get("policy") == "fair",
                      f"{label}: the stats JSON's policy")
            else:
                check(False, f"{label}: no stats JSON written")
            check(trace.exists() and trace.stat().st_size > 0, f"{label}: no trace written")

    for bad, message in ((["--gil"], "--gil needs a policy"),
                         (["--gil", "nonesuch", "-c", "pass"], "unknown GIL policy 'nonesuch'"),
                         (["--switch-interval"], "--switch-interval needs"),
                         (["--trace"], "--trace needs a file name"),
                         (["-c"], "Argument expected for the -c option"),
                         (["--bogus"], "unknown option --bogus")):
        r = run(gilvm, *bad)
        check(r.returncode == 2, f"{' '.join(bad)}: exit {r.returncode}, expected 2")
        check(message in r.stderr, f"{' '.join(bad)}: {message!r} not in {r.stderr[:300]!r}")

    r = run(gilvm, "--help")
    check(r.returncode == 0, f"--help: exit {r.returncode}")
    for item in ("--gil=POLICY", "--check-interval", "--switch-interval", "--gil-stats",
                 "--gil-stats-json", "--trace=", "--trace-limit", "--dis", "-u", "PYTHONPATH",
                 "GILVM_GIL", "gilvm bench seed", "gilvm bench convoy", "gilvm report"):
        check(item in r.stdout, f"--help does not mention {item}")

    # The same reader in the subcommands: a value as the next argument.
    with tempfile.TemporaryDirectory() as tmp:
        trace = Path(tmp) / "t.json"
        r = run(gilvm, "--trace", str(trace), "-c", "pass")
        out = Path(tmp) / "r.html"
        r = run(gilvm, "report", str(trace), "--output", str(out), "--summary-json",
                str(Path(tmp) / "s.json"))
        check(r.returncode == 0 and out.exists(), f"report --output FILE: exit {r.returncode}")
    print("cli_test:", "FAILED" if failures else "ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
