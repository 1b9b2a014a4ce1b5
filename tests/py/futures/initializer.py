# initializer(*initargs) runs once in each worker thread before its first
# call; one that raises breaks the pool: queued and later calls fail with
# BrokenThreadPool, and CPython's "Exception in initializer:" goes to stderr.
import threading
import concurrent.futures as cf
from concurrent.futures.thread import BrokenThreadPool

local = threading.local()
setups = []


def setup(prefix, counter):
    local.prefix = prefix
    setups.append(threading.current_thread().name)


def tag(x):
    return local.prefix + str(x)


with cf.ThreadPoolExecutor(max_workers=2, initializer=setup, initargs=("item-", None)) as ex:
    print(list(ex.map(tag, range(3))))  # expect: ['item-0', 'item-1', 'item-2']
print(len(setups) <= 2, len(setups) == len(set(setups)))  # expect: True True


def bad_setup():
    raise OSError("no database")


ex = cf.ThreadPoolExecutor(max_workers=1, initializer=bad_setup)
f = ex.submit(abs, -1)
try:
    f.result()
except BrokenThreadPool as e:
    print(type(e).__name__, e)  # expect: BrokenThreadPool A thread initializer failed, the thread pool is not usable anymore
# expect-error: Exception in initializer:
# expect-error: OSError: no database
# expect-exit: 0
print(issubclass(BrokenThreadPool, cf.BrokenExecutor))  # expect: True
try:
    ex.submit(abs, -2)
except BrokenThreadPool as e:
    print("refused:", e)  # expect: refused: A thread initializer failed, the thread pool is not usable anymore
ex.shutdown()
# Broken is reported before shut down.
try:
    ex.submit(abs, -3)
except cf.BrokenExecutor as e:
    print(type(e).__name__)  # expect: BrokenThreadPool
