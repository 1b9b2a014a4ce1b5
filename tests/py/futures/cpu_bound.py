# The seed's comparison, with the tool a Python programmer reaches for:
# the same CPU-bound work on a thread pool (one GIL, so no faster than one
# thread) and on a process pool (a GIL per process). Only the results are
# printed -- they must agree -- never the timings.
import concurrent.futures as cf


def count_primes(bounds):
    lo, hi = bounds
    count = 0
    for n in range(max(lo, 2), hi):
        d = 2
        while d * d <= n:
            if n % d == 0:
                break
            d += 1
        else:
            count += 1
    return count


def countdown(n):
    while n > 0:
        n -= 1
    return n


if __name__ == "__main__":
    ranges = [(i * 5000, (i + 1) * 5000) for i in range(8)]
    serial = [count_primes(r) for r in ranges]
    with cf.ThreadPoolExecutor(max_workers=2) as threads:
        by_threads = list(threads.map(count_primes, ranges))
        spun_threads = list(threads.map(countdown, [200000] * 4))
    with cf.ProcessPoolExecutor(max_workers=2) as procs:
        by_procs = list(procs.map(count_primes, ranges, chunksize=2))
        spun_procs = list(procs.map(countdown, [200000] * 4))
        as_done = sorted(f.result() for f in cf.as_completed(
            [procs.submit(count_primes, r) for r in ranges]))
    print(serial)  # expect: [669, 560, 525, 508, 500, 483, 487, 471]
    print(sum(serial))  # expect: 4203
    print(by_threads == serial, by_procs == serial, as_done == sorted(serial))  # expect: True True True
    print(spun_threads, spun_procs)  # expect: [0, 0, 0, 0] [0, 0, 0, 0]
