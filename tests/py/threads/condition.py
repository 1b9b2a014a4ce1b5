import threading

cond = threading.Condition()
items = []
consumed = []


def consumer():
    with cond:
        cond.wait_for(lambda: len(items) >= 3)
        consumed.extend(items)


t = threading.Thread(target=consumer)
t.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify()
t.join()
print(consumed)  # expect: [0, 1, 2]

# notify(n) and notify_all wake waiters; count them once they all woke.
cond = threading.Condition(threading.Lock())
state = {"go": 0, "ready": 0, "woke": 0}


def waiter():
    with cond:
        state["ready"] += 1
        cond.notify_all()
        while state["go"] == 0:
            cond.wait()
        state["woke"] += 1


threads = [threading.Thread(target=waiter) for _ in range(4)]
for t in threads:
    t.start()
with cond:
    cond.wait_for(lambda: state["ready"] == 4)
    state["go"] = 1
    cond.notify(2)
    cond.notify_all()
for t in threads:
    t.join()
print(state["woke"])  # expect: 4

# Timeouts return False; the lock is held again afterwards.
with cond:
    print(cond.wait(0.01))  # expect: False
    print(cond.wait_for(lambda: False, timeout=0.01))  # expect: False
    print(cond.wait_for(lambda: 42, timeout=0.01))  # expect: 42
print(cond.acquire(False))  # expect: True
cond.release()

try:
    cond.wait()
except RuntimeError as e:
    print(e)  # expect: cannot wait on un-acquired lock
try:
    cond.notify()
except RuntimeError as e:
    print(e)  # expect: cannot notify on un-acquired lock

# With an RLock held twice, wait releases it completely, then restores both levels.
rc = threading.Condition(threading.RLock())
flag = []


def setter():
    with rc:
        flag.append(1)
        rc.notify()


with rc:
    with rc:
        t = threading.Thread(target=setter)
        t.start()
        rc.wait_for(lambda: flag)
    print(rc._is_owned())  # expect: True
print(rc._is_owned())  # expect: False
t.join()
print(flag)  # expect: [1]
