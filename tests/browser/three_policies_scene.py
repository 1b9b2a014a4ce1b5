# The three policies side by side (docs/seeing-the-gil.md): two CPU-bound
# threads counting down beside one I/O-bound thread that makes short
# blocking calls (0.5 ms sleeps stand in for a network round trip). How
# long the I/O thread waits for the GIL after each call is the policy's
# doing: the battle (legacy), the convoy (interval), or a hand-over at the
# next poll (fair).
#   gilvm --gil=fair --trace=t.json tests/browser/three_policies_scene.py
import sys
import time
from threading import Thread

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000_000
IO_CALLS = int(sys.argv[2]) if len(sys.argv) > 2 else 200


def countdown(n):
    while n > 0:
        n -= 1


def io_bound():
    t0 = time.perf_counter()
    for _ in range(IO_CALLS):
        time.sleep(0.0005)
    print(f"{IO_CALLS} blocking calls of 0.5 ms took {time.perf_counter() - t0:.3f} s")


threads = [Thread(target=countdown, args=(COUNT // 2,), name="cpu-1"),
           Thread(target=countdown, args=(COUNT // 2,), name="cpu-2"),
           Thread(target=io_bound, name="io")]
start = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"countdown({COUNT}) over two threads beside them: {time.perf_counter() - start:.3f} s")
