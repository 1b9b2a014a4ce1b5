# Cancelling process-pool calls: with the one worker blocked, the calls far
# enough behind it are still PENDING and can be cancelled (the pool keeps
# max_workers + 1 calls RUNNING, as CPython's call queue does);
# shutdown(cancel_futures=True) cancels them all; and at exit the
# interpreter waits for a pool nobody shut down.
import multiprocessing as mp
import concurrent.futures as cf

started = None
release = None


def blocked(tag):
    started.set()
    release.wait()
    return tag


def square(x):
    return x * x


if __name__ == "__main__":
    started, release = mp.Event(), mp.Event()
    with cf.ProcessPoolExecutor(max_workers=1) as ex:
        first = ex.submit(blocked, "first")
        started.wait()
        behind = [ex.submit(square, i) for i in range(6)]
        print(first.running(), first.cancel())  # expect: True False
        print([f.cancel() for f in behind[3:]])  # expect: [True, True, True]
        print([f.cancelled() for f in behind[3:]])  # expect: [True, True, True]
        release.set()
        print(first.result(), [f.result() for f in behind[:3]])  # expect: first [0, 1, 4]
    print([f._state for f in behind[3:]])  # expect: ['CANCELLED_AND_NOTIFIED', 'CANCELLED_AND_NOTIFIED', 'CANCELLED_AND_NOTIFIED']

    started, release = mp.Event(), mp.Event()
    ex = cf.ProcessPoolExecutor(max_workers=1)
    first = ex.submit(blocked, "kept")
    started.wait()
    behind = [ex.submit(square, i) for i in range(5)]
    # Cancelling runs the callbacks: the last call's one lets the worker go.
    behind[-1].add_done_callback(lambda f: release.set())
    ex.shutdown(wait=True, cancel_futures=True)
    # Whether the calls right behind it were RUNNING already depends on
    # timing (in CPython too); those further back were not.
    print(first.result(), behind[0].cancelled() or behind[0].result() == 0)  # expect: kept True
    print([f.cancelled() for f in behind[2:]])  # expect: [True, True, True]

    # Never shut down: the call finishes while the interpreter exits.
    started, release = mp.Event(), mp.Event()
    tail = cf.ProcessPoolExecutor(max_workers=1)
    late = tail.submit(blocked, "finished at exit")
    late.add_done_callback(lambda f: print(f.result(), flush=True))
    started.wait()
    print("main ends", flush=True)  # expect: main ends
    release.set()
    # expect: finished at exit
