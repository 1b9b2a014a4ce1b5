#!/usr/bin/env python3
"""Checks `gilvm report`: its summary against numbers computed here, in
Python, from the same traces; the escaping of hostile thread names in the
page; its errors and exit statuses on bad input; and that a trace of about
two million events goes through (its time is printed, not asserted).

    python3 tests/report_test.py --gilvm build/gilvm

The traces come from tests/report/make_synthetic_trace.py and, when the
recorder works, from gilvm --trace itself.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / 'tests' / 'report' / 'make_synthetic_trace.py'
INSTANTS = ['failed wake-up', 'signal', 'drop request', 'forced switch', 'check release',
            'io preemption', 'io paced', 'thread start', 'thread end', 'trace limit reached']
TIMEOUT = 600

failures: list[str] = []


def check(condition: bool, message: str) -> bool:
    if not condition:
        failures.append(message)
        print(f'  FAIL: {message}')
    return condition


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, errors='replace', timeout=TIMEOUT,
                          **kw)


def report(gilvm: str, *args: str) -> subprocess.CompletedProcess:
    return run([gilvm, 'report', *args])


def make_trace(path: Path, *args: str) -> None:
    r = run([sys.executable, str(GENERATOR), '-o', str(path), *args])
    if r.returncode != 0:
        raise SystemExit(f'make_synthetic_trace.py {" ".join(args)} failed:\n{r.stderr}')


# --- the summary, computed independently ------------------------------------

def ns(value) -> int:
    """Microseconds (as read, exactly, by Decimal) to integer nanoseconds."""
    return int((Decimal(value) * 1000).to_integral_value())


def nearest_rank(values: list[int], p: float) -> int:
    if not values:
        return 0
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def expected_summary(trace_path: Path) -> dict:
    data = json.loads(trace_path.read_text(encoding='utf-8'), parse_float=Decimal)
    events = data['traceEvents']
    threads: dict[tuple, dict] = {}
    order: list[tuple] = []

    def thread(e):
        key = (e.get('pid', 0), e.get('tid', 0))
        if key not in threads:
            threads[key] = {'tid': key[1], 'name': '', 'sort': None, 'running': 0, 'waiting': 0,
                            'blocked': 0, 'acquisitions': 0, 'waits': [],
                            'instants': {k: 0 for k in INSTANTS}}
            order.append(key)
        return threads[key]

    last_end = 0
    for e in events:
        ph, name = e.get('ph'), e.get('name', '')
        if ph == 'M':
            if name == 'thread_name':
                thread(e)['name'] = e['args']['name']
            elif name == 'thread_sort_index':
                thread(e)['sort'] = e['args']['sort_index']
        elif ph == 'X' and (name in ('running (holds GIL)', 'running', 'waiting for GIL') or name.startswith('blocked')):
            t, dur = thread(e), ns(e.get('dur', 0))
            last_end = max(last_end, ns(e['ts']) + dur)
            if name in ('running (holds GIL)', 'running'):
                t['running'] += dur
                t['acquisitions'] += 1
            elif name == 'waiting for GIL':
                t['waiting'] += dur
                t['waits'].append(dur)
            else:
                t['blocked'] += dur
        elif ph == 'i' and name in INSTANTS:
            thread(e)['instants'][name] += 1
            last_end = max(last_end, ns(e['ts']))
    with_sort = sorted((k for k in order if threads[k]['sort'] is not None),
                       key=lambda k: threads[k]['sort'])
    keys = with_sort + [k for k in order if threads[k]['sort'] is None]

    def row(t, waits):
        return {'running_ns': t['running'], 'waiting_ns': t['waiting'], 'blocked_ns': t['blocked'],
                'acquisitions': t['acquisitions'], 'instants': t['instants'], 'waits': len(waits),
                'wait_p50_ns': nearest_rank(waits, 50), 'wait_p99_ns': nearest_rank(waits, 99),
                'wait_max_ns': max(waits, default=0)}

    rows = []
    total = {'running': 0, 'waiting': 0, 'blocked': 0, 'acquisitions': 0,
             'instants': {k: 0 for k in INSTANTS}}
    all_waits: list[int] = []
    for k in keys:
        t = threads[k]
        r = row(t, t['waits'])
        r['name'] = t['name'] or f'thread {t["tid"]}'
        r['tid'] = t['tid']
        rows.append(r)
        for f in ('running', 'waiting', 'blocked', 'acquisitions'):
            total[f] += t[f]
        for kind in INSTANTS:
            total['instants'][kind] += t['instants'][kind]
        all_waits += t['waits']
    other = data.get('otherData', {})
    duration = last_end
    if 'start_ns' in other and 'end_ns' in other and other['end_ns'] >= other['start_ns']:
        duration = max(other['end_ns'] - other['start_ns'], last_end)
    return {'threads': rows, 'total': row(total, all_waits), 'duration_ns': duration,
            'truncated': bool(other.get('truncated', False)),
            'dropped_events': other.get('dropped_events', 0), 'policy': other.get('policy', ''),
            'events': len(events)}


def compare(what: str, got: dict, want: dict) -> None:
    for key in ('duration_ns', 'truncated', 'dropped_events', 'policy', 'events'):
        check(got.get(key) == want[key], f'{what}: {key} {got.get(key)!r}, expected {want[key]!r}')
    got_threads = got.get('threads', [])
    check([t['name'] for t in got_threads] == [t['name'] for t in want['threads']],
          f'{what}: threads {[t["name"] for t in got_threads]}, '
          f'expected {[t["name"] for t in want["threads"]]}')
    for g, w in zip(got_threads + [got.get('total', {})], want['threads'] + [want['total']]):
        who = f'{what}, {w.get("name", "total")!r}'
        for key, value in w.items():
            check(g.get(key) == value, f'{who}: {key} {g.get(key)!r}, expected {value!r}')


def check_summary(gilvm: str, tmp: Path, trace: Path, what: str) -> str:
    html, summary = tmp / f'{trace.stem}.html', tmp / f'{trace.stem}.summary.json'
    r = report(gilvm, str(trace), '-o', str(html), '--summary-json', str(summary))
    if not check(r.returncode == 0, f'{what}: exit {r.returncode}\n{r.stderr}'):
        return ''
    check(r.stderr == '' or 'truncated' in r.stderr, f'{what}: unexpected stderr {r.stderr!r}')
    check('running' in r.stdout and 'wrote' in r.stdout, f'{what}: no summary on stdout')
    got = json.loads(summary.read_text(encoding='utf-8'))
    want = expected_summary(trace)
    compare(what, got, want)
    print(f'  {what}: {want["events"]} events, {len(want["threads"])} threads: '
          f'{sum(len(t) for t in want["threads"]) + len(want["total"])} fields compared')
    return html.read_text(encoding='utf-8')


# --- the page's escaping ---------------------------------------------------------

HOSTILE = ['<script>alert(1)</script>', '"quotes" & ampersands', '<img src=x onerror=alert(1)>',
           "</script><script>alert('x')</script>"]


def check_escaping(page: str, what: str) -> None:
    # Our own two script elements (the data and the code), nothing more.
    check(len(re.findall(r'<script\b', page, re.I)) == 2,
          f'{what}: {len(re.findall(r"<script", page, re.I))} <script tags, expected 2')
    check(len(re.findall(r'</script', page, re.I)) == 2, f'{what}: </script> inside the data')
    check('<img' not in page.lower(), f'{what}: an <img> tag reached the page')
    check('&lt;script&gt;alert(1)&lt;/script&gt;' in page, f'{what}: escaped name missing from the table')
    check('&quot;quotes&quot; &amp; ampersands' in page, f'{what}: quotes and ampersand not escaped')
    data = page.split('<script type="application/json" id="gilvm-data">', 1)[1].split('</script>', 1)[0]
    check('<' not in data and '>' not in data and '&' not in data, f'{what}: < > or & raw in the data')
    names = [t['name'] for t in json.loads(data)['threads']]
    for bad in HOSTILE:
        check(bad in names, f'{what}: {bad!r} does not round-trip through the embedded JSON')


# --- errors -----------------------------------------------------------------------

def check_errors(gilvm: str, tmp: Path) -> None:
    def expect(args, status, fragment, what):
        r = report(gilvm, *args)
        ok = check(r.returncode == status, f'{what}: exit {r.returncode}, expected {status}\n{r.stderr}')
        if ok and status != 0:
            check(r.stderr.startswith('gilvm report: ') and fragment in r.stderr,
                  f'{what}: stderr {r.stderr[:300]!r} lacks {fragment!r}')
            check(r.stdout == '', f'{what}: printed {r.stdout[:100]!r} on stdout')

    out = str(tmp / 'err.html')
    expect([], 2, 'no trace file', 'no arguments')
    expect(['--bogus', 'x.json'], 2, 'unknown option', 'unknown option')
    expect(['x.json', '-o'], 2, 'needs a file name', '-o without a value')
    expect(['a.json', 'b.json'], 2, 'more than one', 'two traces')
    r = report(gilvm, '--help')
    check(r.returncode == 0 and 'usage: gilvm report' in r.stdout, f'--help: exit {r.returncode}')
    expect([str(tmp / 'missing.json'), '-o', out], 1, 'cannot open', 'a missing file')
    expect([str(tmp), '-o', out], 1, 'directory', 'a directory')

    cases = {
        'empty': ('', 'empty'),
        'truncated JSON': ('{"traceEvents": [{"ph": "X", "name": "running", "ts": 1', 'invalid JSON'),
        'garbage': ('\x00\x01\x02 not json at all', 'invalid JSON'),
        'invalid UTF-8': (b'{"traceEvents": [{"name": "\xff\xfe"}]}', 'invalid JSON'),
        'a number': ('42', 'not a trace'),
        'a string': ('"traceEvents"', 'not a trace'),
        'an object without traceEvents': ('{"otherData": {"policy": "legacy"}}', 'not a trace'),
        'traceEvents not an array': ('{"traceEvents": {"ph": "X"}}', 'not a trace'),
    }
    for what, (content, fragment) in cases.items():
        path = tmp / 'bad.json'
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        expect([str(path), '-o', out], 1, fragment, what)

    # Valid JSON, odd events: nothing may crash; unknown or broken events are skipped.
    odd = {'traceEvents': [
        {'ph': 'X', 'name': 'running', 'tid': 'not a number', 'ts': 'soon', 'dur': None},
        {'ph': 'X', 'name': 'running', 'tid': 1, 'ts': -5.5, 'dur': -3},
        {'ph': 'X', 'name': 'running', 'tid': 1, 'ts': 1e300, 'dur': 1e300},
        {'ph': 'X', 'name': 'waiting for GIL', 'tid': 2 ** 70, 'ts': 3, 'dur': 2},
        {'ph': 'X', 'name': 'blocked: teleport', 'tid': 1, 'ts': 10, 'dur': 1, 'args': {'cause': 7}},
        {'ph': 'i', 'name': 'signal', 'tid': 1, 'ts': 2, 'args': [[[[]]]]},
        {'ph': 'M', 'name': 'thread_name', 'tid': 1, 'args': {'name': 12}},
        {'ph': 'M', 'name': 'thread_sort_index', 'tid': 1, 'args': {'sort_index': -4}},
        {'ph': 'Q', 'name': 'mystery'}, [], 'string', 7, None,
    ], 'otherData': {'start_ns': 'x', 'end_ns': [], 'truncated': 'yes'}}
    path = tmp / 'odd.json'
    path.write_text(json.dumps(odd))
    summary = tmp / 'odd.summary.json'
    r = report(gilvm, str(path), '-o', out, '--summary-json', str(summary))
    if check(r.returncode == 0, f'odd events: exit {r.returncode}\n{r.stderr}'):
        got = json.loads(summary.read_text())
        check(got['events'] == 9, f'odd events: {got["events"]} events read, expected 9 objects')
        check(got['total']['acquisitions'] == 1, f'odd events: acquisitions {got["total"]["acquisitions"]}')

    path.write_text('[' * 200000 + ']' * 200000)
    r = report(gilvm, str(path), '-o', out)
    # A bare array is the JSON Array Format: an (odd) empty trace, or an error; never a crash.
    check(r.returncode == 0 or (r.returncode == 1 and r.stderr.startswith('gilvm report: ')),
          f'200000 nested arrays: exit {r.returncode}, {r.stderr[:200]!r}')
    path.write_text('[]')
    expect([str(path), '-o', out], 0, '', 'the empty trace of the JSON Array Format')
    path.write_text('{"traceEvents": []}')
    expect([str(path), '-o', str(tmp / 'no-such-dir' / 'x.html')], 1, 'cannot write', 'unwritable output')
    print('  errors: usage, missing, invalid and odd input checked')


# --- real traces --------------------------------------------------------------------

def check_real(gilvm: str, tmp: Path) -> None:
    script = ROOT / 'examples' / 'countdown_threads.py'
    for policy in ('legacy', 'interval'):
        trace = tmp / f'real-{policy}.json'
        r = run([gilvm, f'--gil={policy}', f'--trace={trace}', str(script), '400000'])
        if not check(r.returncode == 0 and trace.exists() and trace.stat().st_size > 0,
                     f'gilvm --gil={policy} --trace: exit {r.returncode}, {r.stderr[-300:]}'):
            continue
        check_summary(gilvm, tmp, trace, f'real {policy} trace')


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument('--gilvm', required=True)
    p.add_argument('--big-events', type=int, default=2_000_000)
    args = p.parse_args()
    gilvm = os.path.abspath(args.gilvm)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        legacy = tmp / 'legacy.json'
        make_trace(legacy, '--events', '40000', '--threads', '4', '--hostile', '--truncated')
        page = check_summary(gilvm, tmp, legacy, 'synthetic legacy')
        if page:
            check_escaping(page, 'synthetic legacy')
            check('id="truncated"' in page, 'truncated trace: no warning on the page')
        interval = tmp / 'interval.json'
        make_trace(interval, '--events', '20000', '--policy', 'interval', '--seed', '7')
        page = check_summary(gilvm, tmp, interval, 'synthetic interval')
        check(page != '' and 'id="truncated"' not in page, 'complete trace: a truncation warning')
        check_errors(gilvm, tmp)
        check_real(gilvm, tmp)

        big = tmp / 'big.json'
        t0 = time.perf_counter()
        make_trace(big, '--events', str(args.big_events), '--threads', '3')
        made = time.perf_counter() - t0
        t0 = time.perf_counter()
        summary = tmp / 'big.summary.json'
        r = report(gilvm, str(big), '-o', str(tmp / 'big.html'), '--summary-json', str(summary), '-q')
        took = time.perf_counter() - t0
        if check(r.returncode == 0, f'big trace: exit {r.returncode}\n{r.stderr}'):
            got = json.loads(summary.read_text())
            check(got['events'] >= args.big_events, f'big trace: {got["events"]} events read')
            print(f'  big trace: {got["events"]:,} events, {big.stat().st_size / 1e6:.0f} MB '
                  f'(generated in {made:.1f} s): report in {took:.2f} s, '
                  f'page {(tmp / "big.html").stat().st_size / 1e6:.1f} MB')
    if failures:
        print(f'{len(failures)} check(s) failed')
        return 1
    print('all report checks passed')
    return 0


if __name__ == '__main__':
    sys.exit(main())
