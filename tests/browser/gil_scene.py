# The browser test's real program (tests/browser/report_test.js): the seed's
# countdown split over two named threads, beside a thread that sleeps (so
# the trace has blocked spans and the convoy of an I/O-like thread) and a
# thread whose name is hostile HTML (the report must show it as text).
#   gilvm --gil=legacy --trace=t.json tests/browser/gil_scene.py 8000000
import sys
import time
from threading import Thread

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 8_000_000


def countdown(n):
    while n > 0:
        n -= 1


def sleeper():
    for _ in range(8):
        time.sleep(0.01)


threads = [
    Thread(target=countdown, args=(COUNT // 2,), name="countdown-1"),
    Thread(target=countdown, args=(COUNT // 2,), name="countdown-2"),
    Thread(target=sleeper, name="sleeper"),
    Thread(target=countdown, args=(1000,), name="<img src=x onerror=alert(1)>"),
]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("done")
