# shutdown(): cancel_futures=True cancels what has not started and lets the
# running call finish; wait=False returns at once; submit afterwards is a
# RuntimeError; shutdown twice is harmless.
import threading
import concurrent.futures as cf

started = threading.Event()
release = threading.Event()
ran = []


def blocked():
    started.set()
    release.wait()
    ran.append("running one")
    return "finished anyway"


ex = cf.ThreadPoolExecutor(max_workers=1)
first = ex.submit(blocked)
started.wait()
queued = [ex.submit(ran.append, i) for i in range(3)]
ex.shutdown(wait=False, cancel_futures=True)
release.set()
ex.shutdown(wait=True)
print(first.result(), ran)  # expect: finished anyway ['running one']
print([f.cancelled() for f in queued])  # expect: [True, True, True]
try:
    ex.submit(abs, 1)
except RuntimeError as e:
    print(e)  # expect: cannot schedule new futures after shutdown
ex.shutdown()
ex.shutdown(cancel_futures=True)

# wait=False: shutdown returns while the call still runs; the call finishes.
release = threading.Event()
ex = cf.ThreadPoolExecutor(max_workers=2)
f = ex.submit(release.wait)
g = ex.submit(pow, 3, 3)
ex.shutdown(wait=False)
print(f.done(), g.result())  # expect: False 27
release.set()
print(f.result())  # expect: True
for t in ex._threads:
    t.join()
print(sum(t.is_alive() for t in ex._threads))  # expect: 0

# Without cancel_futures, everything queued still runs.
gate = threading.Event()
with cf.ThreadPoolExecutor(max_workers=1) as ex:
    ex.submit(gate.wait)
    rest = [ex.submit(abs, -i) for i in range(3)]
    threading.Timer(0.05, gate.set).start()
    ex.shutdown()
print([f.result() for f in rest])  # expect: [0, 1, 2]

# The base class: shutdown does nothing, submit is abstract.
base = cf.Executor()
base.shutdown()
try:
    base.submit(abs, 1)
except NotImplementedError:
    print("NotImplementedError")  # expect: NotImplementedError
with base as same:
    print(same is base)  # expect: True
