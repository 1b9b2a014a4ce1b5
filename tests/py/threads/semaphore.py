import threading
import time

sem = threading.Semaphore(2)
lock = threading.Lock()
inside = 0
peak = 0


def worker():
    global inside, peak
    with sem:
        with lock:
            inside += 1
            peak = max(peak, inside)
        time.sleep(0.02)
        with lock:
            inside -= 1


threads = [threading.Thread(target=worker) for _ in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(peak <= 2, inside)  # expect: True 0

s = threading.Semaphore(0)
print(s.acquire(False), s.acquire(timeout=0.01))  # expect: False False
s.release(3)
print(s.acquire(), s.acquire(blocking=False), s.acquire(timeout=1), s.acquire(False))  # expect: True True True False
try:
    s.acquire(False, 1)
except ValueError as e:
    print(e)  # expect: can't specify timeout for non-blocking acquire
try:
    threading.Semaphore(-1)
except ValueError as e:
    print(e)  # expect: semaphore initial value must be >= 0
try:
    s.release(0)
except ValueError as e:
    print(e)  # expect: n must be one or more

b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print(e)  # expect: Semaphore released too many times

# A semaphore hands a wake-up from one thread to another.
ready = threading.Semaphore(0)
got = []
t = threading.Thread(target=lambda: (ready.acquire(), got.append("woken")))
t.start()
ready.release()
t.join()
print(got)  # expect: ['woken']
