# The seed's two-thread version: the same countdown split over two threads.
# Run it under each GIL policy and compare:
#   ./build/gilvm --gil=legacy --gil-stats examples/countdown_threads.py
#   ./build/gilvm --gil=interval --gil-stats examples/countdown_threads.py
import sys
import time
from threading import Thread


def countdown(n):
    while n > 0:
        n -= 1


COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000_000

start = time.perf_counter()
t1 = Thread(target=countdown, args=(COUNT // 2,))
t2 = Thread(target=countdown, args=(COUNT // 2,))
t1.start(); t2.start()
t1.join(); t2.join()
elapsed = time.perf_counter() - start
print(f"2 threads, countdown({COUNT}): {elapsed:.2f} s")
