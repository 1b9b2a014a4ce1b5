# as_completed yields futures as they finish: here in an order forced by
# events (each call waits for the one before it in `order`), then the
# timeout with CPython's message, duplicates, and finished futures.
import threading
import concurrent.futures as cf

order = [2, 0, 3, 1]
gates = {i: threading.Event() for i in order}


def finish_in_order(i):
    pos = order.index(i)
    if pos > 0:
        gates[order[pos - 1]].wait()
    return i


with cf.ThreadPoolExecutor(max_workers=4) as ex:
    futures = {ex.submit(finish_in_order, i): i for i in range(4)}
    seen = []
    for f in cf.as_completed(futures):
        seen.append(f.result())
        gates[f.result()].set()  # lets the next one finish
    print(seen)  # expect: [2, 0, 3, 1]

# A timeout: the message counts the unfinished futures.
hold = threading.Event()
with cf.ThreadPoolExecutor(max_workers=3) as ex:
    fs = [ex.submit(abs, -1), ex.submit(hold.wait), ex.submit(hold.wait)]
    fs[0].result()
    got = []
    try:
        for f in cf.as_completed(fs, timeout=0.1):
            got.append(f.result())
    except cf.TimeoutError as e:
        print(got, type(e) is TimeoutError, e)  # expect: [1] True 2 (of 3) futures unfinished
    hold.set()

# Duplicates are yielded once; futures finished beforehand come first.
a, b = cf.Future(), cf.Future()
a.set_result("a")
it = cf.as_completed([a, b, a, b])
print(next(it).result())  # expect: a
threading.Timer(0.01, b.set_result, ("b",)).start()
print(next(it).result())  # expect: b
print(list(it))  # expect: []

# A timeout of 0 with everything finished is fine.
print(sorted(f.result() for f in cf.as_completed([a, b], timeout=0)))  # expect: ['a', 'b']

# A cancelled future counts once an executor has seen it cancelled.
c = cf.Future()
c.cancel()
try:
    list(cf.as_completed([c], timeout=0))
except TimeoutError as e:
    print(e)  # expect: 1 (of 1) futures unfinished
c.set_running_or_notify_cancel()
print([f.cancelled() for f in cf.as_completed([c])])  # expect: [True]
print(list(cf.as_completed([])))  # expect: []
