# python3-differs: CPython 3.11 cancels under the pool's shutdown lock, so this callback's submit deadlocks there
# shutdown(cancel_futures=True) runs the cancelled futures' callbacks after
# letting go of the pool's lock: a callback that submits is refused
# instead of deadlocking.
import threading
import concurrent.futures as cf

release = threading.Event()
ex = cf.ThreadPoolExecutor(max_workers=1)
ex.submit(release.wait)
queued = ex.submit(abs, 1)


def resubmit(fut):
    try:
        ex.submit(abs, 2)
    except RuntimeError as e:
        print("callback:", e)


queued.add_done_callback(resubmit)
ex.shutdown(wait=False, cancel_futures=True)  # expect: callback: cannot schedule new futures after shutdown
release.set()
ex.shutdown()
print(queued.cancelled())  # expect: True
