"""concurrent.futures for gilvm: run calls asynchronously in a pool of
threads (one GIL between them) or of processes (one GIL each), with
CPython 3.11's API.

_base.py holds what both pools share (Future, wait, as_completed, the
Executor protocol); thread.py and process.py hold the two pools. The pools
are imported on first use, as in CPython, so that importing the package
does not import multiprocessing (which forks nothing, but registers exit
work and creates locks).
"""

from concurrent.futures._base import (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED,
                                      CancelledError, TimeoutError, InvalidStateError,
                                      BrokenExecutor, Future, Executor, wait, as_completed)

__all__ = ('FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'CancelledError',
           'TimeoutError', 'BrokenExecutor', 'Future', 'Executor', 'wait', 'as_completed',
           'ProcessPoolExecutor', 'ThreadPoolExecutor')


def __getattr__(name):
    global ProcessPoolExecutor, ThreadPoolExecutor
    if name == 'ThreadPoolExecutor':
        from concurrent.futures.thread import ThreadPoolExecutor as pool
        ThreadPoolExecutor = pool
        return pool
    if name == 'ProcessPoolExecutor':
        from concurrent.futures.process import ProcessPoolExecutor as pool
        ProcessPoolExecutor = pool
        return pool
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
