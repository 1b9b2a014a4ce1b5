# Cancelling: with one worker busy on a blocked call, the calls queued
# behind it can be cancelled, the running one cannot; a cancelled call
# never runs, result() raises CancelledError, and wait() sees it once the
# executor has passed over it.
import threading
import concurrent.futures as cf

started = threading.Event()
release = threading.Event()
ran = []


def blocked():
    started.set()
    release.wait()
    ran.append("first")
    return "first"


with cf.ThreadPoolExecutor(max_workers=1) as ex:
    first = ex.submit(blocked)
    started.wait()
    queued = [ex.submit(ran.append, i) for i in range(4)]
    print(first.cancel(), first.running())  # expect: False True
    print(queued[1].cancel(), queued[3].cancel())  # expect: True True
    print(queued[1].cancelled(), queued[1].done(), queued[1].running())  # expect: True True False
    print(queued[1]._state)  # expect: CANCELLED
    # Done, but not yet seen by the executor: wait() still counts it as not done.
    print(len(cf.wait([queued[1]], timeout=0).not_done))  # expect: 1
    release.set()
print(ran)  # expect: ['first', 0, 2]
print(queued[1]._state, queued[0]._state)  # expect: CANCELLED_AND_NOTIFIED FINISHED
print(len(cf.wait(queued, timeout=0).done))  # expect: 4
try:
    queued[3].result()
except cf.CancelledError:
    print("CancelledError")  # expect: CancelledError
print(first.cancel(), first.result())  # expect: False first
