# The seed's benchmark (Beazley, "Understanding the Python GIL", 2010):
# a CPU-bound loop that does nothing but count down.
import sys
import time


def countdown(n):
    while n > 0:
        n -= 1


COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000_000

start = time.perf_counter()
countdown(COUNT)
elapsed = time.perf_counter() - start
print(f"countdown({COUNT}): {elapsed:.2f} s")
