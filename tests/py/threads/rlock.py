import threading

r = threading.RLock()
print(r.acquire(), r.acquire(), r._is_owned())  # expect: True True True
r.release()
r.release()
print(r._is_owned())  # expect: False
try:
    r.release()
except RuntimeError as e:
    print(e)  # expect: cannot release un-acquired lock

# Reentrancy: a recursive function takes the lock at every level.
def depth(n):
    with r:
        return 0 if n == 0 else 1 + depth(n - 1)


print(depth(10))  # expect: 10

# Another thread cannot take it while we hold it, and cannot release it.
results = []


def other():
    results.append(r.acquire(False))
    try:
        r.release()
    except RuntimeError as e:
        results.append(str(e))


with r:
    t = threading.Thread(target=other)
    t.start()
    t.join()
print(results)  # expect: [False, 'cannot release un-acquired lock']

# Many threads incrementing under an RLock taken twice.
counter = 0


def bump():
    global counter
    for _ in range(1000):
        with r:
            with r:
                counter += 1


threads = [threading.Thread(target=bump) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)  # expect: 4000

# A plain Lock is not reentrant.
lock = threading.Lock()
print(lock.acquire(), lock.acquire(False), lock.locked())  # expect: True False True
print(lock.acquire(timeout=0.01))  # expect: False
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print(e)  # expect: release unlocked lock
with lock:
    print(lock.locked())  # expect: True
print(lock.locked())  # expect: False
