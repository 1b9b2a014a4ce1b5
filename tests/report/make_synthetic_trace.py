#!/usr/bin/env python3
"""Writes a synthetic GIL trace in the `--trace` format (docs/trace-format.md).

    python3 tests/report/make_synthetic_trace.py -o t.json --events 3000000
    python3 tests/report/make_synthetic_trace.py -o t.json --hostile --truncated

A small simulation rather than random noise, so that the pictures look like
real ones and the summary has something to count: CPU-bound workers pass
the GIL around (under `legacy`, mostly back to themselves, the other
waiters' wake-ups failing; under `interval`, after drop requests and forced
switches), a sleeper thread blocks in sleep and then waits for the GIL, and
the main thread blocks in join. Deterministic for a given --seed.

Events are kept in flat integer arrays per thread (a few million of them
would not fit as Python objects) and written grouped by thread, in time
order, like the recorder does.
"""

from __future__ import annotations

import argparse
import random
import sys
from array import array

# Event codes of this generator (the names are the trace format's).
RUNNING, WAITING, SLEEP, LOCK, JOIN = 0, 1, 2, 3, 4
FAILED_WAKEUP, SIGNAL, DROP_REQUEST, FORCED_SWITCH, CHECK_RELEASE = 10, 11, 12, 13, 14
THREAD_START, THREAD_END, TRACE_LIMIT = 15, 16, 17

SPANS = {
    RUNNING: ('running (holds GIL)', 'gil', None),
    WAITING: ('waiting for GIL', 'gil', None),
    SLEEP: ('blocked: sleep', 'blocked', 'sleep'),
    LOCK: ('blocked: lock', 'blocked', 'lock'),
    JOIN: ('blocked: join', 'blocked', 'join'),
}
INSTANTS = {
    FAILED_WAKEUP: ('failed wake-up', 'gil'),
    SIGNAL: ('signal', 'gil'),
    DROP_REQUEST: ('drop request', 'gil'),
    FORCED_SWITCH: ('forced switch', 'gil'),
    CHECK_RELEASE: ('check release', 'gil'),
    THREAD_START: ('thread start', 'thread'),
    THREAD_END: ('thread end', 'thread'),
    TRACE_LIMIT: ('trace limit reached', 'trace'),
}

HOSTILE_NAMES = [
    '<script>alert(1)</script>',
    '"quotes" & ampersands',
    '<img src=x onerror=alert(1)>',
    "</script><script>alert('x')</script>",
    'back\\slash \u2028 line-sep \U0001F600 <!-- comment',
]


class Thread:
    def __init__(self, tid: int, name: str) -> None:
        self.tid = tid
        self.name = name
        self.ts = array('q')
        self.dur = array('q')
        self.code = array('b')
        self.arg = array('q')  # failed_wakeups of a waiting span
        self.wait_start = 0
        self.wait_failed = 0

    def span(self, code: int, start: int, end: int, arg: int = 0) -> None:
        self.ts.append(start)
        self.dur.append(max(0, end - start))
        self.code.append(code)
        self.arg.append(arg)

    def instant(self, code: int, t: int) -> None:
        self.span(code, t, t)

    def __len__(self) -> int:
        return len(self.code)


def simulate(args: argparse.Namespace) -> tuple[list[Thread], int]:
    rng = random.Random(args.seed)
    names = ['MainThread'] + [f'Thread-{k + 1} (countdown)' for k in range(args.threads)]
    if args.sleeper:
        names.append('sleeper')
    if args.hostile:
        for k, bad in enumerate(HOSTILE_NAMES):
            if k + 1 < len(names):
                names[k + 1] = bad
    threads = [Thread(1000 + k, n) for k, n in enumerate(names)]
    main, workers = threads[0], threads[1:1 + args.threads]
    sleeper = threads[-1] if args.sleeper else None
    legacy = args.policy == 'legacy'

    # The main thread starts everyone, then blocks in join for the rest.
    t = 1000
    main.instant(THREAD_START, t)
    main.span(WAITING, t + 100, t + 200)
    main.span(RUNNING, t + 200, t + 50_000)
    t += 50_000
    main.instant(SIGNAL, t)
    join_start = t + 500
    for th in threads[1:]:
        th.instant(THREAD_START, t + 100)
        th.wait_start, th.wait_failed = t + 100, 0

    waiting = list(threads[1:])
    holder = None
    acquired_at = 0
    sleep_until = None  # the sleeper's wake-up time while it sleeps
    budget = args.events
    while sum(len(th) for th in threads) < budget:
        if sleeper is not None and sleep_until is not None and t >= sleep_until:
            sleeper.span(SLEEP, sleeper.wait_start, sleep_until)
            sleeper.wait_start, sleeper.wait_failed = sleep_until, 0
            waiting.append(sleeper)
            sleep_until = None
        if holder is None:
            if not waiting:
                t = sleep_until if sleep_until is not None else t + 1000
                continue
            # Legacy: whoever the OS wakes first; interval: the oldest waiter.
            holder = rng.choice(waiting) if legacy else min(waiting, key=lambda w: w.wait_start)
            waiting.remove(holder)
            gap = rng.randint(20, 400)
            t += gap
            holder.span(WAITING, holder.wait_start, t, holder.wait_failed)
            acquired_at = t
        # The holder runs for a slice, then releases.
        if holder is sleeper:
            run = rng.randint(2_000, 20_000)
        elif legacy:
            run = rng.randint(2_000, 30_000)
        else:
            run = rng.randint(4_800_000, 5_300_000) if waiting else rng.randint(100_000, 400_000)
        t += run
        holder.span(RUNNING, acquired_at, t)
        if holder is sleeper:
            holder.instant(SIGNAL, t)
            holder.wait_start = t
            sleep_until = t + rng.randint(500_000, 3_000_000)
            holder = None
            continue
        if legacy:
            holder.instant(CHECK_RELEASE, t)
            holder.instant(SIGNAL, t)
            if waiting and rng.random() < 0.9:
                # The releasing thread takes the GIL back at once; the waiter
                # the signal woke finds it taken: a failed wake-up.
                woken = rng.choice(waiting)
                woken.instant(FAILED_WAKEUP, t + rng.randint(50, 3000))
                woken.wait_failed += 1
                holder.span(WAITING, t, t + 30)
                t += 30
                acquired_at = t
                continue
        else:
            if waiting:
                asker = min(waiting, key=lambda w: w.wait_start)
                asker.instant(DROP_REQUEST, t - rng.randint(1_000, 20_000))
                holder.instant(SIGNAL, t)
                holder.instant(FORCED_SWITCH, t + 10)
        holder.wait_start, holder.wait_failed = t, 0
        waiting.append(holder)
        holder = None

    end = t + 10_000
    if holder is not None:
        holder.span(RUNNING, acquired_at, end - 5_000)
    for th in waiting:
        th.span(WAITING, th.wait_start, end - 5_000, th.wait_failed)
    if sleeper is not None and sleep_until is not None:
        sleeper.span(SLEEP, sleeper.wait_start, end - 5_000)
    for th in threads[1:]:
        th.instant(THREAD_END, end - 4_000)
    main.span(JOIN, join_start, end - 3_000)
    main.span(WAITING, end - 3_000, end - 2_900)
    main.span(RUNNING, end - 2_900, end - 1_000)
    main.instant(THREAD_END, end - 900)
    if args.truncated and len(threads) > 1:
        threads[1].instant(TRACE_LIMIT, end - 100)
    return threads, end


def json_string(s: str) -> str:
    out = ['"']
    for ch in s:
        if ch in '"\\':
            out.append('\\' + ch)
        elif ord(ch) < 0x20:
            out.append(f'\\u{ord(ch):04x}')
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def us(ns: int) -> str:
    """Nanoseconds as microseconds with three decimals, exactly."""
    sign = '-' if ns < 0 else ''
    ns = abs(ns)
    return f'{sign}{ns // 1000}.{ns % 1000:03d}'


def write(path: str, args: argparse.Namespace, threads: list[Thread], end: int) -> int:
    pid = 4242
    count = 0
    with open(path, 'w', encoding='utf-8') as f:
        f.write('{"displayTimeUnit":"ns","otherData":{"generator":"make_synthetic_trace.py",'
                f'"policy":"{args.policy}","parameters":'
                + json_string('check interval 100 ticks' if args.policy == 'legacy'
                              else 'switch interval 5000 us')
                + ',"command_line":' + json_string('gilvm --trace=synthetic.json <synthetic> & "co"')
                + f',"start_ns":1000000000,"end_ns":{1000000000 + end},'
                f'"trace_limit_bytes":268435456,"truncated":{"true" if args.truncated else "false"},'
                f'"dropped_events":{12345 if args.truncated else 0}}},\n"traceEvents":[\n')
        lines = [f'{{"ph":"M","name":"process_name","pid":{pid},"tid":{pid},'
                 f'"args":{{"name":"gilvm synthetic"}}}}']
        for k, th in enumerate(threads):
            lines.append(f'{{"ph":"M","name":"thread_name","pid":{pid},"tid":{th.tid},'
                         f'"args":{{"name":{json_string(th.name)}}}}}')
            lines.append(f'{{"ph":"M","name":"thread_sort_index","pid":{pid},"tid":{th.tid},'
                         f'"args":{{"sort_index":{k}}}}}')
        f.write(',\n'.join(lines))
        for th in threads:
            order = sorted(range(len(th)), key=th.ts.__getitem__)
            chunk = []
            for i in order:
                code = th.code[i]
                if code in SPANS:
                    name, cat, cause = SPANS[code]
                    extra = ''
                    if code == WAITING:
                        extra = f',"args":{{"failed_wakeups":{th.arg[i]}}}'
                    elif cause:
                        extra = f',"args":{{"cause":"{cause}"}}'
                    chunk.append(f',\n{{"ph":"X","cat":"{cat}","name":"{name}","pid":{pid},'
                                 f'"tid":{th.tid},"ts":{us(th.ts[i])},"dur":{us(th.dur[i])}{extra}}}')
                else:
                    name, cat = INSTANTS[code]
                    chunk.append(f',\n{{"ph":"i","s":"t","cat":"{cat}","name":"{name}",'
                                 f'"pid":{pid},"tid":{th.tid},"ts":{us(th.ts[i])}}}')
                count += 1
                if len(chunk) >= 100_000:
                    f.write(''.join(chunk))
                    chunk.clear()
            f.write(''.join(chunk))
        f.write('\n]}\n')
    return count


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('-o', '--output', required=True, help='the trace file to write')
    p.add_argument('--events', type=int, default=20_000, help='about how many events (default 20000)')
    p.add_argument('--threads', type=int, default=2, help='CPU-bound worker threads (default 2)')
    p.add_argument('--policy', choices=['legacy', 'interval'], default='legacy')
    p.add_argument('--no-sleeper', dest='sleeper', action='store_false',
                   help='no thread that sleeps (by default one does)')
    p.add_argument('--hostile', action='store_true', help='thread names full of HTML and JS syntax')
    p.add_argument('--truncated', action='store_true', help='mark the trace truncated')
    p.add_argument('--seed', type=int, default=1)
    args = p.parse_args()
    if args.threads < 1:
        p.error('--threads must be at least 1')
    threads, end = simulate(args)
    n = write(args.output, args, threads, end)
    print(f'{args.output}: {n} events, {len(threads)} threads, {end / 1e9:.3f} s', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
