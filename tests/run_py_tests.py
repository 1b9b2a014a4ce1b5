#!/usr/bin/env python3
"""Run Python test scripts under gilvm (and python3) and check their inline expectations.

A test is a plain Python script. Its expected behaviour is written in comments:

    print(1 + 1)  # expect: 2           one line of stdout, in file order
    # expect:                           an empty stdout line
    # expect-error: ZeroDivisionError   text that must appear somewhere in stderr;
                                        any expect-error makes the expected exit code 1
    # expect-exit: 3                    the expected exit code (overrides the above)
    # args: a b                         extra command-line arguments (sys.argv[1:])
    # python3-differs: REASON           gilvm intentionally behaves better than
                                        python3 here: the script is not run under python3

Each script runs under gilvm once per GIL policy (--gil-policies legacy,interval;
none given: once with no option), then under python3 when it is installed (unless
GILVM_NO_PYTHON3 is set), so every expectation is checked against real Python.
--long sets GILVM_TEST_LONG=1 for both, which tests that race threads read to
run their long mode (issue17_close_race.py: a thousand rounds), and gives each
run LONG_TIMEOUT_SECONDS.
Folders named 'modules' and files starting with '_' hold helpers, not tests.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

TIMEOUT_SECONDS = 60
# --long: a thousand rounds of a race under TSan take minutes.
LONG_TIMEOUT_SECONDS = 1800

EXPECT_RE = re.compile(r"#\s*expect:(?: ?)(.*)$")
EXPECT_ERROR_RE = re.compile(r"#\s*expect-error:\s?(.*)$")
EXPECT_EXIT_RE = re.compile(r"#\s*expect-exit:\s*(-?\d+)\s*$")
ARGS_RE = re.compile(r"^#\s*args:(.*)$")
DIFFERS_RE = re.compile(r"^#\s*python3-differs:\s*\S")


@dataclass
class Expectations:
    stdout: list[str] = field(default_factory=list)
    stderr: list[str] = field(default_factory=list)
    exit_code: int = 0
    args: list[str] = field(default_factory=list)
    python3_differs: bool = False


def parse_expectations(path: Path) -> Expectations:
    exp = Expectations()
    explicit_exit = None
    text = path.read_text(encoding="utf-8", errors="surrogateescape")
    for line in text.splitlines():
        if m := EXPECT_RE.search(line):
            exp.stdout.append(m.group(1).rstrip("\r"))
        elif m := EXPECT_ERROR_RE.search(line):
            exp.stderr.append(m.group(1).rstrip())
        elif m := EXPECT_EXIT_RE.search(line):
            explicit_exit = int(m.group(1))
        elif m := ARGS_RE.match(line):
            exp.args = shlex.split(m.group(1))
        elif DIFFERS_RE.match(line):
            exp.python3_differs = True
    if explicit_exit is not None:
        exp.exit_code = explicit_exit
    elif exp.stderr:
        exp.exit_code = 1
    return exp


def check_run(label: str, cmd: list[str], path: Path, exp: Expectations, long: bool = False) -> list[str]:
    """Run one command; return a list of failure messages (empty when it passed)."""
    timeout = LONG_TIMEOUT_SECONDS if long else TIMEOUT_SECONDS
    env = dict(os.environ)
    if long:
        env["GILVM_TEST_LONG"] = "1"
    env.setdefault("PYTHONIOENCODING", "utf-8")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    try:
        proc = subprocess.run(
            cmd + [path.name] + exp.args,
            cwd=path.parent,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout,
            env=env,
        )
    except subprocess.TimeoutExpired:
        return [f"[{label}] timed out after {timeout} s"]
    except OSError as e:
        return [f"[{label}] could not start {cmd[0]}: {e}"]

    out = proc.stdout.decode("utf-8", errors="backslashreplace")
    err = proc.stderr.decode("utf-8", errors="backslashreplace")
    actual = out.split("\n")
    if actual and actual[-1] == "":
        actual.pop()

    failures = []
    if actual != exp.stdout:
        diff = "\n".join(
            difflib.unified_diff(exp.stdout, actual, "expected stdout", f"{label} stdout",
                                 lineterm="")
        )
        failures.append(f"[{label}] stdout differs:\n{diff}")
    missing = [e for e in exp.stderr if e not in err]
    if missing:
        failures.append(f"[{label}] stderr lacks: " + "; ".join(repr(m) for m in missing))
    if proc.returncode != exp.exit_code:
        failures.append(f"[{label}] exit code {proc.returncode}, expected {exp.exit_code}")
    if failures and err.strip():
        tail = "\n".join(err.rstrip().split("\n")[-15:])
        failures.append(f"[{label}] stderr was:\n{tail}")
    return failures


def run_file(path: Path, args: argparse.Namespace, python3: str | None) -> list[str]:
    exp = parse_expectations(path)
    failures: list[str] = []
    if not args.python3_only:
        for policy in args.policies:
            cmd = [args.gilvm] + ([f"--gil={policy}"] if policy else [])
            failures += check_run(f"gilvm{' --gil=' + policy if policy else ''}", cmd, path, exp, args.long)
    if python3 and not exp.python3_differs:
        py_failures = check_run("python3", [python3], path, exp, args.long)
        if py_failures:
            failures.append("expectation disagrees with python3:")
            failures += py_failures
    return failures


def collect(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*.py")):
                rel = f.relative_to(p).parts
                if "modules" in rel[:-1] or any(part.startswith("_") for part in rel):
                    continue
                files.append(f)
        else:
            files.append(p)
    return files


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+", help="test files or folders")
    ap.add_argument("--gilvm", default="build/gilvm", help="path of the gilvm binary")
    ap.add_argument("--gil-policies", default="",
                    help="comma list of GIL policies to run each test under (passed as --gil=P)")
    ap.add_argument("--python3-only", action="store_true",
                    help="check the expectations against python3 only (no gilvm)")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="files run in parallel")
    ap.add_argument("--long", action="store_true",
                    help="long mode: GILVM_TEST_LONG=1 (races run a thousand rounds), longer timeout")
    ap.add_argument("-q", "--quiet", action="store_true", help="print failures only")
    args = ap.parse_args()
    args.policies = [p.strip() for p in args.gil_policies.split(",") if p.strip()] or [""]

    python3 = None
    if not os.environ.get("GILVM_NO_PYTHON3"):
        python3 = shutil.which("python3")
    if args.python3_only and not python3:
        print("error: --python3-only but no python3 on PATH", file=sys.stderr)
        return 2
    if not args.python3_only:
        args.gilvm = str(Path(args.gilvm).resolve())
        if not os.access(args.gilvm, os.X_OK):
            print(f"error: gilvm binary not found: {args.gilvm}", file=sys.stderr)
            return 2

    files = collect(args.paths)
    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = pool.map(lambda f: (f, run_file(f, args, python3)), files)
        for f, failures in results:
            if failures:
                failed += 1
                print(f"FAIL {f}")
                for msg in failures:
                    print("  " + msg.replace("\n", "\n  "))
            else:
                passed += 1
                if not args.quiet:
                    print(f"PASS {f}")
            sys.stdout.flush()
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
