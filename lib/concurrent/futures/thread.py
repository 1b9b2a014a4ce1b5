"""ThreadPoolExecutor: calls run by a pool of worker threads, which all
share this process's GIL -- so it helps while the calls wait (I/O, sleep,
locks) and not while they compute, which is the seed's point.

Workers are started on demand, one per submit while fewer than max_workers
exist and none is idle; an idle worker releases `_idle_semaphore` once per
finished call and submit takes a token instead of starting a thread (the
count may run ahead of the truly idle workers, as in CPython, which only
costs a thread that could have been started). Work reaches the workers
through one queue.Queue (CPython uses a SimpleQueue, whose gilvm version
is not safe with several consumers: its deque is plain Python); None in it
means "stop", and each worker that takes it puts it back for the next one.

The workers are non-daemon threads. At interpreter exit
(threading._register_atexit, which runs before the non-daemon threads are
joined) every pool is told to stop after its queued work, then joined: a
program that never calls shutdown() still gets its results. CPython also
stops the workers of a pool that is garbage collected, through a weak
reference; gilvm has no weakref, so such workers wait until exit.
"""

import itertools
import os
import queue
import threading
import types

from concurrent.futures import _base

__all__ = ['ThreadPoolExecutor', 'BrokenThreadPool']


class BrokenThreadPool(_base.BrokenExecutor):
    """A worker thread's initializer failed: the pool runs nothing more."""


class _ExitState:
    """The interpreter-wide part: set at exit, it stops every pool."""

    def __init__(self):
        self.lock = threading.Lock()
        self.shutting_down = False
        self.queues = {}  # live worker thread -> its pool's work queue (submit adds)

    def discard(self, thread):
        with self.lock:
            self.queues.pop(thread, None)

    def run_at_exit(self):
        with self.lock:
            self.shutting_down = True
            items = list(self.queues.items())
        for _, work_queue in items:
            work_queue.put(None)
        for thread, _ in items:
            thread.join()


_exit_state = _ExitState()
threading._register_atexit(_exit_state.run_at_exit)


class _WorkItem:
    """One submitted call and its Future."""

    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)

    __class_getitem__ = classmethod(types.GenericAlias)


def _worker(executor, work_queue, initializer, initargs):
    try:
        if initializer is not None:
            try:
                initializer(*initargs)
            except BaseException as exc:
                _base._report('Exception in initializer:', exc)
                executor._initializer_failed()
                return
        while True:
            item = work_queue.get(block=True)
            if item is None:
                # Shutdown: pass the word on to the next worker.
                executor._shutdown = True
                work_queue.put(None)
                return
            item.run()
            del item
            executor._idle_semaphore.release()
    except BaseException as exc:
        _base._report('Exception in worker', exc)
    finally:
        _exit_state.discard(threading.current_thread())


def _drain(work_queue):
    """Empties work_queue and returns the calls that were in it. A "stop"
    met on the way is put back for the workers still running."""
    items = []
    saw_stop = False
    while True:
        try:
            item = work_queue.get_nowait()
        except queue.Empty:
            break
        if item is None:
            saw_stop = True
        else:
            items.append(item)
    if saw_stop:
        work_queue.put(None)
    return items


class ThreadPoolExecutor(_base.Executor):
    """Runs calls in up to max_workers threads (default min(32, cpus + 4))."""

    # Numbers the pools of this process for their threads' names.
    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is None:
            # At least 5 for I/O-bound work, at most 32 not to eat memory on
            # machines with many cores (CPython's rule).
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.Queue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = thread_name_prefix or ('ThreadPoolExecutor-%d'
                                                          % self._counter())
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock, _exit_state.lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _exit_state.shutting_down:
                raise RuntimeError('cannot schedule new futures after interpreter shutdown')
            f = _base.Future()
            self._work_queue.put(_WorkItem(f, fn, args, kwargs))
            self._adjust_thread_count()
            return f

    submit.__doc__ = _base.Executor.submit.__doc__

    def _adjust_thread_count(self):
        """A new worker unless an idle one can take the call (the submit
        locks held, _exit_state.lock among them)."""
        if self._idle_semaphore.acquire(timeout=0):
            return
        count = len(self._threads)
        if count < self._max_workers:
            t = threading.Thread(name='%s_%d' % (self._thread_name_prefix, count),
                                 target=_worker,
                                 args=(self, self._work_queue, self._initializer, self._initargs))
            # Registered before it starts: a worker whose initializer fails
            # may be gone before start() returns, and unregisters itself.
            _exit_state.queues[t] = self._work_queue
            try:
                t.start()
            except BaseException:
                del _exit_state.queues[t]
                raise
            self._threads.add(t)

    # Both finish the drained futures after letting go of _shutdown_lock:
    # their callbacks may call submit().

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = 'A thread initializer failed, the thread pool is not usable anymore'
            items = _drain(self._work_queue)
        for item in items:
            try:
                item.future.set_exception(BrokenThreadPool(self._broken))
            except _base.InvalidStateError:
                pass  # cancelled while queued

    def shutdown(self, wait=True, *, cancel_futures=False):
        items = []
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                items = _drain(self._work_queue)
            self._work_queue.put(None)
        for item in items:
            item.future.cancel()
        if wait:
            for t in self._threads:
                t.join()

    shutdown.__doc__ = _base.Executor.shutdown.__doc__
