# The seed's benchmark: a function that counts down from N (Beazley 2010).
# Usage: countdown.py [SCALE]   (SCALE 1.0 = 100,000,000 iterations)
import sys
import time


def countdown(n):
    while n > 0:
        n -= 1
    return n


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
n = int(100_000_000 * scale)
start = time.perf_counter()
left = countdown(n)
elapsed = time.perf_counter() - start
print("result:", n, left)
if left != 0:
    print("WRONG: countdown ended at", left)
    sys.exit(1)
print(f"ok countdown({n}) {elapsed:.3f} s")
