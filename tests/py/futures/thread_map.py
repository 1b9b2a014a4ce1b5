# Executor.map: results in the order of the arguments whatever the order
# the calls finish in, several iterables, an exception raised when the
# iterator reaches it (the results before it delivered, the calls after it
# cancelled), and a timeout counted from the call to map().
import threading
from concurrent.futures import ThreadPoolExecutor, TimeoutError

# Call i waits for call i+1 to finish, so they finish in reverse order.
gates = [threading.Event() for _ in range(6)]
finish_order = []


def reverse_finisher(i):
    if i + 1 < len(gates):
        gates[i + 1].wait()
    finish_order.append(i)
    gates[i].set()
    return i * 10


with ThreadPoolExecutor(max_workers=6) as ex:
    print(list(ex.map(reverse_finisher, range(6))))  # expect: [0, 10, 20, 30, 40, 50]
print(finish_order)  # expect: [5, 4, 3, 2, 1, 0]

with ThreadPoolExecutor(max_workers=2) as ex:
    print(list(ex.map(pow, [2, 3, 4], [5, 2, 0, 9])))  # expect: [32, 9, 1]
    print(list(ex.map(abs, [])))  # expect: []
    # chunksize is accepted and ignored by a thread pool.
    print(list(ex.map(abs, [-1, -2], chunksize=5)))  # expect: [1, 2]

# The iterator raises the first failing call's exception when it gets
# there; what follows is cancelled if it has not started.
release = threading.Event()


def parse(s):
    if s == "wait":
        release.wait()
    return int(s)


with ThreadPoolExecutor(max_workers=1) as ex:
    it = ex.map(parse, ["1", "2", "x", "wait", "5"])
    got = []
    try:
        for value in it:
            got.append(value)
    except ValueError as e:
        print(got, e)  # expect: [1, 2] invalid literal for int() with base 10: 'x'
    release.set()

# map() submits everything at once: the calls run even if nobody iterates.
ran = []
with ThreadPoolExecutor(max_workers=2) as ex:
    ex.map(ran.append, range(5))
print(sorted(ran))  # expect: [0, 1, 2, 3, 4]

# A result not there in time: TimeoutError from the iterator, and the
# calls still queued are cancelled (the running one goes on).
hold = threading.Event()
ran = []


def held(x):
    hold.wait()
    ran.append(x)
    return x


with ThreadPoolExecutor(max_workers=1) as ex:
    it = ex.map(held, range(4), timeout=0.1)
    try:
        next(it)
    except TimeoutError:
        print("timed out")  # expect: timed out
    queued = ex.submit(abs, -7)
    hold.set()
    print(queued.result())  # expect: 7
print(ran)  # expect: [0]

# Dropping the iterator part of the way cancels the calls not started.
started = threading.Event()
hold = threading.Event()
ran = []


def counted(x):
    if x == 2:
        started.set()
        hold.wait()
    ran.append(x)
    return x


with ThreadPoolExecutor(max_workers=1) as ex:
    it = ex.map(counted, range(10))
    print(next(it), next(it))  # expect: 0 1
    started.wait()
    del it
    hold.set()
print(ran)  # expect: [0, 1, 2]
