# A program that never shuts its pool down still gets its calls run: at
# exit the interpreter waits for the queued thread-pool work (CPython's
# threading._register_atexit hook), and an atexit function that submits
# afterwards is refused: by a pool whose workers were told to stop as a shut
# down pool, by one that never started a worker as "interpreter shutdown".
import atexit
import threading
import concurrent.futures as cf

go = threading.Event()
ex = cf.ThreadPoolExecutor(max_workers=2)


def late(i):
    go.wait()
    print("late call", i, flush=True)


# One call at a time, so they print in order.
chained = cf.ThreadPoolExecutor(max_workers=1)
for i in range(3):
    chained.submit(late, i)
ex.submit(go.wait)
unused = cf.ThreadPoolExecutor(max_workers=1)


def after_exit():
    for pool in (ex, unused):
        try:
            pool.submit(abs, 1)
        except RuntimeError as e:
            print("atexit:", e)


atexit.register(after_exit)
print("main ends")
go.set()
# expect: main ends
# expect: late call 0
# expect: late call 1
# expect: late call 2
# expect: atexit: cannot schedule new futures after shutdown
# expect: atexit: cannot schedule new futures after interpreter shutdown
