# A worker that dies in a call (os._exit, a signal) breaks the whole pool,
# as in CPython: that call and every unfinished one fail with
# BrokenProcessPool, later submits are refused, and shutdown still
# returns. An initializer that raises breaks the pool the same way.
import multiprocessing as mp
import os
import signal
import concurrent.futures as cf
from concurrent.futures.process import BrokenProcessPool

go = None  # set once the calls that must be lost are submitted


def work(x):
    if x in ("exit", "kill"):
        go.wait()
    if x == "exit":
        os._exit(3)
    if x == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    return x


def failing_setup():
    raise RuntimeError("setup failed")


if __name__ == "__main__":
    print(issubclass(BrokenProcessPool, cf.BrokenExecutor))  # expect: True
    go = mp.Event()
    for how in ("exit", "kill"):
        go.clear()
        with cf.ProcessPoolExecutor(max_workers=1) as ex:
            print(ex.submit(work, 1).result())
            dying = ex.submit(work, how)
            behind = [ex.submit(work, i) for i in range(3)]
            go.set()
            try:
                dying.result()
            except BrokenProcessPool as e:
                print(type(e).__name__, e)
            print([type(f.exception()).__name__ for f in behind])
            try:
                ex.submit(work, 2)
            except BrokenProcessPool as e:
                print("refused:", e)
    # expect: 1
    # expect: BrokenProcessPool A process in the process pool was terminated abruptly while the future was running or pending.
    # expect: ['BrokenProcessPool', 'BrokenProcessPool', 'BrokenProcessPool']
    # expect: refused: A child process terminated abruptly, the process pool is not usable anymore
    # expect: 1
    # expect: BrokenProcessPool A process in the process pool was terminated abruptly while the future was running or pending.
    # expect: ['BrokenProcessPool', 'BrokenProcessPool', 'BrokenProcessPool']
    # expect: refused: A child process terminated abruptly, the process pool is not usable anymore

    ex = cf.ProcessPoolExecutor(max_workers=1, initializer=failing_setup)
    f = ex.submit(work, 1)
    try:
        f.result()
    except BrokenProcessPool as e:
        print("initializer:", e)  # expect: initializer: A process in the process pool was terminated abruptly while the future was running or pending.
    ex.shutdown()
    # expect-error: Exception in initializer:
    # expect-error: RuntimeError: setup failed
    # expect-exit: 0

    # map over a broken pool gives the results that came back, then raises.
    go.set()
    with cf.ProcessPoolExecutor(max_workers=1) as ex:
        got = []
        try:
            for value in ex.map(work, [1, 2, "exit", 4]):
                got.append(value)
        except BrokenProcessPool:
            print("map broke after", got)  # expect: map broke after [1, 2]
