# python3-differs: CPython's Pool waits forever for a task whose worker died
# A pool worker that dies in a task (os._exit, a signal) does not hang the
# pool: that task fails with WorkerLostError naming the worker and its exit
# code, a new worker replaces it, and the pool goes on.
import multiprocessing as mp
import os
import signal
from multiprocessing.pool import WorkerLostError


def maybe_exit(x):
    if x == 2:
        os._exit(5)
    return x


def maybe_kill(x):
    if x == 1:
        os.kill(os.getpid(), signal.SIGKILL)
    return x * 10


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        try:
            pool.map(maybe_exit, range(4), chunksize=1)
        except WorkerLostError as e:
            print("lost:", "exited with exitcode 5" in str(e))  # expect: lost: True
        r = pool.apply_async(maybe_kill, (1,))
        try:
            r.get(timeout=10)
        except WorkerLostError as e:
            print("killed:", "exitcode -9" in str(e))  # expect: killed: True
        print(pool.map(maybe_kill, [0, 2, 3]))  # expect: [0, 20, 30]
        print(len(mp.active_children()))  # expect: 2
