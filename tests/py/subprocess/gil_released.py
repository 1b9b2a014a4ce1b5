# Waiting for a child never holds the GIL: while one thread waits in
# wait(), communicate() or a pipe read, another thread keeps running
# Python code. Each check compares a counter the busy thread advances
# before and after the wait.
import subprocess
import threading
import time

progress = [0]
stop = threading.Event()


def busy():
    while not stop.is_set():
        for _ in range(1000):
            progress[0] += 1


def advanced_during(wait):
    # The busy thread must have run while `wait` blocked for ~0.3 s.
    start = progress[0]
    wait()
    return progress[0] - start > 10000


worker = threading.Thread(target=busy)
worker.start()
time.sleep(0.05)
try:
    print(advanced_during(lambda: subprocess.Popen(["sleep", "0.3"]).wait()))  # expect: True
    print(advanced_during(lambda: subprocess.run(["sleep", "0.3"], capture_output=True)))  # expect: True
    p = subprocess.Popen(["sleep", "5"])

    def timed_out():
        try:
            p.wait(timeout=0.3)
        except subprocess.TimeoutExpired:
            pass

    print(advanced_during(timed_out))  # expect: True
    p.kill()
    p.wait()
    reader = subprocess.Popen(["sh", "-c", "sleep 0.3; echo late"], stdout=subprocess.PIPE)
    print(advanced_during(reader.stdout.readline))  # expect: True
    reader.stdout.close()
    reader.wait()
finally:
    stop.set()
    worker.join()

# Several threads, each waiting on its own child, all at once.
results = []
lock = threading.Lock()


def run_one(i):
    out = subprocess.run(["sh", "-c", "sleep 0.2; echo %d" % i], capture_output=True).stdout
    with lock:
        results.append(int(out))


t0 = time.monotonic()
threads = [threading.Thread(target=run_one, args=(i,)) for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results), time.monotonic() - t0 < 1.2)  # expect: [0, 1, 2, 3, 4, 5, 6, 7] True
