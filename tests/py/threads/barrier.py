import threading
import time

N = 4
actions = []
barrier = threading.Barrier(N, action=lambda: actions.append("all arrived"))
print(barrier.parties, barrier.n_waiting, barrier.broken)  # expect: 4 0 False
indices = []
phases = []
lock = threading.Lock()


def worker(i):
    for phase in range(3):
        with lock:
            phases.append(phase)
        index = barrier.wait()
        with lock:
            indices.append(index)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
# Every thread finished phase k before any thread started phase k+1.
print(phases == sorted(phases))  # expect: True
print(sorted(indices))  # expect: [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]
print(actions)  # expect: ['all arrived', 'all arrived', 'all arrived']

# A timeout breaks the barrier for everyone.
b = threading.Barrier(2, timeout=0.05)
try:
    b.wait()
except threading.BrokenBarrierError:
    print("broken by timeout", b.broken)  # expect: broken by timeout True
try:
    b.wait()
except threading.BrokenBarrierError:
    print("still broken")  # expect: still broken
b.reset()
print(b.broken, b.n_waiting)  # expect: False 0

# abort() wakes a waiting thread with BrokenBarrierError.
outcome = []


def blocked():
    try:
        b.wait()
    except threading.BrokenBarrierError:
        outcome.append("aborted")


t = threading.Thread(target=blocked)
t.start()
while b.n_waiting == 0:
    time.sleep(0.001)
b.abort()
t.join()
print(outcome, b.broken)  # expect: ['aborted'] True
print(issubclass(threading.BrokenBarrierError, RuntimeError))  # expect: True
