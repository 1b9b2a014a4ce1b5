# ThreadPoolExecutor.submit: results, arguments, states seen from outside,
# result() and exception() with a timeout, and the with-statement waiting
# for the calls.
import threading
from concurrent.futures import ThreadPoolExecutor, TimeoutError


def describe(a, b=0, *rest, **kw):
    return (a, b, rest, sorted(kw.items()))


with ThreadPoolExecutor(max_workers=2) as ex:
    print(ex.submit(pow, 2, 100).result())  # expect: 1267650600228229401496703205376
    print(ex.submit(describe, 1, 2, 3, x=4).result())  # expect: (1, 2, (3,), [('x', 4)])
    # fn is positional-only: a keyword named fn reaches the call.
    print(ex.submit(dict, fn=1).result())  # expect: {'fn': 1}

    started = threading.Event()
    release = threading.Event()

    def blocked():
        started.set()
        release.wait()
        return "released"

    f = ex.submit(blocked)
    started.wait()
    print(f.running(), f.done())  # expect: True False
    for wait_for in (f.result, f.exception):
        try:
            wait_for(timeout=0.05)
        except TimeoutError as e:
            print("TimeoutError", type(e) is TimeoutError, repr(str(e)))
    # expect: TimeoutError True ''
    # expect: TimeoutError True ''
    release.set()
    print(f.result(timeout=10), f.exception(timeout=0), f.running())  # expect: released None False

# Leaving the with-statement waits for every call.
results = []
with ThreadPoolExecutor(max_workers=3) as ex:
    for i in range(20):
        ex.submit(results.append, i)
print(sorted(results) == list(range(20)))  # expect: True

# The default size follows CPython: min(32, cpus + 4).
import os
print(ThreadPoolExecutor()._max_workers == min(32, (os.cpu_count() or 1) + 4))  # expect: True

for bad in (0, -1):
    try:
        ThreadPoolExecutor(bad)
    except ValueError as e:
        print(e)
# expect: max_workers must be greater than 0
# expect: max_workers must be greater than 0
try:
    ThreadPoolExecutor(1, initializer=3)
except TypeError as e:
    print(e)  # expect: initializer must be a callable
