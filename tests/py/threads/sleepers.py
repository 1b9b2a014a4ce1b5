# Sleeping releases the GIL: eight threads that each sleep 0.3 s finish together.
import threading
import time

done = []
lock = threading.Lock()


def nap(i):
    time.sleep(0.3)
    with lock:
        done.append(i)


threads = [threading.Thread(target=nap, args=(i,)) for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(done))  # expect: [0, 1, 2, 3, 4, 5, 6, 7]
