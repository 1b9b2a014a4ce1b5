# A thread waiting in select(), poll() or epoll.poll() does not hold the GIL:
# while it waits, another thread runs Python code and then wakes it by
# writing to a pipe. Were the GIL held, the writer could never run and each
# wait would end by its 10-second timeout instead ("timed out").
import os
import select
import threading
import time


def work_then_write(fd, n):
    """Runs after the waiter has (almost surely) started waiting: Python
    code, then a write that wakes the waiter."""
    time.sleep(0.1)
    total = 0
    for i in range(n):
        total += i * i
    os.write(fd, str(total).encode())


def select_wait(r):
    return bool(select.select([r], [], [], 10)[0])


def poll_wait(r):
    p = select.poll()
    p.register(r, select.POLLIN)
    return bool(p.poll(10_000))


def epoll_wait(r):
    with select.epoll() as ep:
        ep.register(r, select.EPOLLIN)
        return bool(ep.poll(10))


# The main thread waits; a writer thread computes and wakes it.
for wait in (select_wait, poll_wait, epoll_wait):
    r, w = os.pipe()
    writer = threading.Thread(target=work_then_write, args=(w, 1000))
    writer.start()
    woken = wait(r)
    writer.join()
    print(wait.__name__, "woken" if woken else "timed out", os.read(r, 100))
    os.close(r)
    os.close(w)
# expect: select_wait woken b'332833500'
# expect: poll_wait woken b'332833500'
# expect: epoll_wait woken b'332833500'

# Three threads wait at once, one in each call; the main thread computes,
# then wakes them one after the other.
results = []
pipes = [os.pipe() for _ in range(3)]


def waiter(wait, r):
    results.append((wait.__name__, "woken" if wait(r) else "timed out", os.read(r, 100)))


waiters = [threading.Thread(target=waiter, args=(wait, pipes[i][0]))
           for i, wait in enumerate((select_wait, poll_wait, epoll_wait))]
for t in waiters:
    t.start()
time.sleep(0.1)
for i, (r, w) in enumerate(pipes):
    os.write(w, b"go%d" % sum(range(1000 * (i + 1))))
for t in waiters:
    t.join()
for entry in sorted(results):
    print(*entry)
# expect: epoll_wait woken b'go4498500'
# expect: poll_wait woken b'go1999000'
# expect: select_wait woken b'go499500'
for r, w in pipes:
    os.close(r)
    os.close(w)

# An epoll set grows while a thread waits on it: the waiter sees a
# descriptor registered (and written) after its wait began.
ep = select.epoll()
r, w = os.pipe()
seen = []
waiting = threading.Thread(target=lambda: seen.extend(ep.poll(10)))
waiting.start()
time.sleep(0.05)
ep.register(r, select.EPOLLIN)
os.write(w, b"!")
waiting.join()
print(seen == [(r, select.EPOLLIN)])  # expect: True

# A poll object refuses a second concurrent poll() while one thread waits.
p = select.poll()
p.register(r, select.POLLIN)
os.read(r, 1)
blocked = threading.Thread(target=lambda: seen.append(p.poll(10_000)))
blocked.start()
refused = None
for _ in range(1000):
    try:
        p.poll(0)
    except RuntimeError as e:
        refused = e
        break
    time.sleep(0.005)
print(refused)  # expect: concurrent poll() invocation
os.write(w, b"?")
blocked.join()
print(seen[-1] == [(r, select.POLLIN)])  # expect: True
ep.close()
os.close(r)
os.close(w)
