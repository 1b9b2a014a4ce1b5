# wait() with each return_when, a timeout, the DoneAndNotDoneFutures pair,
# and the already-settled shortcuts. Events decide what finishes when.
import threading
import concurrent.futures as cf
from concurrent.futures import FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED


def names(fs, label):
    return sorted(label[f] for f in fs)


def fail_after(event, message):
    event.wait()
    raise ValueError(message)


with cf.ThreadPoolExecutor(max_workers=4) as ex:
    go_a, go_b, go_c = threading.Event(), threading.Event(), threading.Event()
    a = ex.submit(go_a.wait)
    b = ex.submit(fail_after, go_b, "b failed")
    c = ex.submit(go_c.wait)
    label = {a: "a", b: "b", c: "c"}

    # Nothing done yet: a short timeout returns everything as not done.
    r = cf.wait([a, b, c], timeout=0.05)
    print(type(r).__name__, r._fields)  # expect: DoneAndNotDoneFutures ('done', 'not_done')
    print(names(r.done, label), names(r.not_done, label))  # expect: [] ['a', 'b', 'c']

    go_a.set()
    done, not_done = cf.wait([a, b, c], return_when=FIRST_COMPLETED)
    print(names(done, label), names(not_done, label))  # expect: ['a'] ['b', 'c']

    # FIRST_EXCEPTION ignores a success and stops at the first failure.
    go_b.set()
    done, not_done = cf.wait([b, c], return_when=FIRST_EXCEPTION)
    print(names(done, label), names(not_done, label))  # expect: ['b'] ['c']
    print(b.exception())  # expect: b failed

    # Already satisfied: FIRST_EXCEPTION returns at once.
    done, not_done = cf.wait([a, b, c], timeout=5, return_when=FIRST_EXCEPTION)
    print(names(done, label), names(not_done, label))  # expect: ['a', 'b'] ['c']

    go_c.set()
    done, not_done = cf.wait([a, b, c])  # ALL_COMPLETED is the default
    print(names(done, label), names(not_done, label))  # expect: ['a', 'b', 'c'] []

# FIRST_EXCEPTION with no failure waits for all.
with cf.ThreadPoolExecutor(max_workers=2) as ex:
    fs = [ex.submit(abs, -i) for i in range(5)]
    done, not_done = cf.wait(fs, return_when=FIRST_EXCEPTION)
    print(sorted(f.result() for f in done), len(not_done))  # expect: [0, 1, 2, 3, 4] 0

# A bad return_when is noticed only when wait() has to wait, as in CPython.
f, g = cf.Future(), cf.Future()
f.set_result(1)
print(len(cf.wait([f], return_when="SOON").done))  # expect: 1
try:
    cf.wait([f, g], return_when="SOON")
except ValueError as e:
    print(e)  # expect: Invalid return condition: 'SOON'

# Duplicates count once; an empty list returns at once.
print(len(cf.wait([f, f, f]).done))  # expect: 1
print(cf.wait([]))  # expect: DoneAndNotDoneFutures(done=set(), not_done=set())

# A finish from another thread ends a wait.
threading.Timer(0.01, g.set_exception, (KeyError("late"),)).start()
done, not_done = cf.wait([g], timeout=10, return_when=FIRST_EXCEPTION)
print(len(done), repr(g.exception()))  # expect: 1 KeyError('late')
