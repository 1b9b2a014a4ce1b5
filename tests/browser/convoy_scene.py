# The convoy effect (docs/seeing-the-gil.md): one CPU-bound thread beside
# one I/O-bound thread that makes many short blocking calls (1 ms sleeps
# stand in for I/O: a write that reaches the disk cache returns before the
# other thread has even woken up, which shows nothing). Each call releases
# the GIL; when it returns, the I/O thread must win the GIL back from the
# CPU-bound thread, and how long that takes is the policy's doing.
#   gilvm --gil=interval --trace=t.json tests/browser/convoy_scene.py
import sys
import time
from threading import Thread

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000_000
IO_CALLS = int(sys.argv[2]) if len(sys.argv) > 2 else 50


def countdown(n):
    while n > 0:
        n -= 1


def io_bound():
    t0 = time.perf_counter()
    for _ in range(IO_CALLS):
        time.sleep(0.001)
    print(f"{IO_CALLS} blocking calls of 1 ms took {time.perf_counter() - t0:.3f} s")


threads = [Thread(target=countdown, args=(COUNT,), name="cpu-bound"),
           Thread(target=io_bound, name="io-bound")]
start = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"countdown({COUNT}) beside them: {time.perf_counter() - start:.3f} s")
