"""ProcessPoolExecutor: calls run in worker processes, each with its own
interpreter and GIL -- the seed's advice for CPU-bound work -- over gilvm's
multiprocessing (fork, Process, Connection, pickle).

Design (gilvm's own; CPython uses a shared call queue, a result queue and
process sentinels): every worker has a private socketpair to the parent
and runs one call at a time. One manager thread in the parent, started by
the first submit (which forks all the workers, as CPython does under
fork), moves calls from the submitted queue to the workers and reads their
replies. Knowing which worker runs which call makes a dead worker simple
to see -- end of file on its socket, or (checked every _LIVENESS_CHECK
seconds while calls run) a reaped pid -- and then, as in CPython, the
whole pool is broken: every unfinished call fails with BrokenProcessPool
and later submits raise it.

A call is cancellable until the manager takes it: it keeps at most
max_workers + EXTRA_QUEUED_CALLS calls RUNNING (sent to a worker or next in
line), the others stay PENDING, as CPython's call queue of that size does.

Calls and replies cross the socket pickled (lib/pickle.py), a call as an
8-byte work id followed by the pickled (fn, args, kwargs). A call that
raises sends the exception back with its traceback as text, which the
parent attaches as __cause__ (_RemoteTraceback), so an uncaught one prints
both tracebacks as under CPython. A call or result that cannot be pickled
fails its own future.
"""

import collections
import itertools
import os
import threading
import _posix
import _thread

import multiprocessing
from multiprocessing import connection
from concurrent.futures import _base

__all__ = ['ProcessPoolExecutor', 'BrokenProcessPool']

pickle = connection.pickle

# Calls RUNNING beyond one per worker, so a worker finds its next call ready.
EXTRA_QUEUED_CALLS = 1

# How often the manager looks at the pids of workers running a call, in
# case a dead worker's socket stays open in some other process.
_LIVENESS_CHECK = 0.1

_STOP = b''  # tells a worker to exit

_BROKEN_POOL = 'A child process terminated abruptly, the process pool is not usable anymore'
_BROKEN_CALL = ('A process in the process pool was terminated abruptly while the future was '
                'running or pending.')


class BrokenProcessPool(_base.BrokenExecutor):
    """A worker process died or failed to start: the pool runs nothing more."""


class _RemoteTraceback(Exception):
    """Carries the traceback of an exception raised in a worker, as text."""

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


def _traceback_text(exc):
    return '\n"""\n%s"""' % _thread._format_exception(exc)


# ---- the worker process


def _worker_main(conn, fds_to_close, initializer, initargs, max_tasks):
    """The body of a worker: calls from conn until told to stop, the parent
    goes away, or max_tasks calls are done."""
    for fd in fds_to_close:
        try:
            os.close(fd)
        except OSError:
            pass
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException as exc:
            # The parent sees this process end and breaks the pool.
            _base._report('Exception in initializer:', exc)
            return
    done = 0
    while max_tasks is None or done < max_tasks:
        try:
            message = conn.recv_bytes()
        except (EOFError, OSError):
            return
        if message == _STOP:
            return
        work_id = int.from_bytes(message[:8], 'big')
        try:
            fn, args, kwargs = pickle.loads(message[8:])
            reply = (work_id, True, fn(*args, **kwargs), None)
        except BaseException as exc:
            reply = (work_id, False, exc, _traceback_text(exc))
        try:
            data = pickle.dumps(reply)
        except BaseException as exc:
            data = pickle.dumps((work_id, False, exc, _traceback_text(exc)))
        try:
            conn.send_bytes(data)
        except OSError:
            return
        done += 1


# ---- the parent


class _ExitState:
    """The interpreter-wide part: at exit, every pool finishes its calls
    and stops its workers before the interpreter goes on."""

    def __init__(self):
        self.lock = threading.Lock()
        self.shutting_down = False
        self.managers = set()

    def run_at_exit(self):
        with self.lock:
            self.shutting_down = True
            managers = list(self.managers)
        for manager in managers:
            manager.wake()
        for manager in managers:
            manager.join()


_exit_state = _ExitState()
threading._register_atexit(_exit_state.run_at_exit)


class _WorkItem:

    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs


class _Worker:
    """The parent's side of one worker process."""

    def __init__(self, proc, conn):
        self.process = proc
        self.conn = conn
        self.work_id = None  # the call it runs, or None when idle
        self.done = 0


def _set_outcome(future, ok, value):
    try:
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)
    except _base.InvalidStateError:
        pass  # cancelled by its owner meanwhile (only possible while PENDING)


class _Manager(threading.Thread):
    """The thread that feeds one pool's workers and collects their replies.

    It alone touches the workers and `running`; the executor's `_pending`,
    `_queued` and flags are shared with submit() and shutdown() under the
    executor's `_lock`. Futures are completed outside that lock: their
    callbacks may submit more work."""

    def __init__(self, executor):
        threading.Thread.__init__(self)
        self.executor = executor
        self.running = collections.deque()  # work ids RUNNING, not yet sent to a worker
        self.wake_r, self.wake_w = os.pipe()
        self.closed = False  # the wake-up pipe, guarded by executor._lock
        self.workers = []
        for _ in range(executor._max_workers):
            self.workers.append(self.spawn())

    def spawn(self):
        executor = self.executor
        parent_end, child_end = connection.Pipe()
        fds = [self.wake_r, self.wake_w, parent_end.fileno()]
        fds.extend(w.conn.fileno() for w in self.workers if not w.conn.closed)
        proc = executor._mp_context.Process(
            target=_worker_main,
            args=(child_end, fds, executor._initializer, executor._initargs,
                  executor._max_tasks_per_child))
        proc.start()
        child_end.close()
        return _Worker(proc, parent_end)

    def wake(self):
        with self.executor._lock:
            if not self.closed:
                os.write(self.wake_w, b'x')

    def run(self):
        try:
            if self.loop():
                self.stop_workers()
            else:
                self.break_pool()
        except BaseException as exc:
            _base._report('Exception in the process pool manager thread', exc)
            self.break_pool()
        finally:
            with self.executor._lock:
                self.closed = True
                os.close(self.wake_r)
                os.close(self.wake_w)
            with _exit_state.lock:
                _exit_state.managers.discard(self)

    def loop(self):
        """Runs calls until the pool is shut down and idle (True) or a
        worker dies (False)."""
        while True:
            self.take_calls()
            if not self.send_calls():
                return False
            busy = any(w.work_id is not None for w in self.workers)
            with self.executor._lock:
                stopping = self.executor._shutdown_thread or _exit_state.shutting_down
                if stopping and not busy and not self.executor._pending:
                    return True
            fds = [w.conn.fileno() for w in self.workers]
            ready = _posix.poll(fds + [self.wake_r], _LIVENESS_CHECK if busy else None)
            if self.wake_r in ready:
                os.read(self.wake_r, 4096)
            # Every reply that arrived counts before a dead worker breaks
            # the pool, as CPython reads its result queue first.
            alive = True
            for w in list(self.workers):
                if w.conn.fileno() in ready or (w.work_id is not None and
                                                w.process._popen.poll() is not None):
                    alive = self.receive(w) and alive
            if not alive:
                return False

    def take_calls(self):
        """Moves submitted calls to RUNNING, up to the limit; drops the
        cancelled ones, and cancels them all after shutdown(cancel_futures)."""
        executor = self.executor
        limit = executor._max_workers + EXTRA_QUEUED_CALLS
        with executor._lock:
            to_cancel = []
            if executor._cancel_pending_futures:
                executor._cancel_pending_futures = False
                while executor._queued:
                    to_cancel.append(executor._pending.pop(executor._queued.popleft()))
            busy = sum(1 for w in self.workers if w.work_id is not None)
            while executor._queued and busy + len(self.running) < limit:
                work_id = executor._queued.popleft()
                if executor._pending[work_id].future.set_running_or_notify_cancel():
                    self.running.append(work_id)
                else:
                    del executor._pending[work_id]
        for item in to_cancel:
            item.future.cancel()

    def send_calls(self):
        """Gives RUNNING calls to idle workers; False if a worker is gone."""
        executor = self.executor
        idle = [w for w in self.workers if w.work_id is None]
        while idle and self.running:
            work_id = self.running.popleft()
            with executor._lock:
                item = executor._pending[work_id]
            try:
                body = pickle.dumps((item.fn, item.args, item.kwargs))
            except BaseException as exc:
                with executor._lock:
                    del executor._pending[work_id]
                _set_outcome(item.future, False, exc)
                continue
            w = idle.pop(0)
            try:
                w.conn.send_bytes(work_id.to_bytes(8, 'big') + body)
            except OSError:
                self.running.appendleft(work_id)
                return False
            w.work_id = work_id
        return True

    def receive(self, w):
        """Reads w's reply; False if w died instead."""
        if not w.conn.poll():
            return False  # exited without a word
        try:
            data = w.conn.recv_bytes()
        except (EOFError, OSError):
            return False
        try:
            work_id, ok, value, tb = pickle.loads(data)
        except Exception as exc:
            work_id, ok, value, tb = w.work_id, False, exc, None
        w.work_id = None
        w.done += 1
        if tb is not None:
            value.__cause__ = _RemoteTraceback(tb)
        with self.executor._lock:
            item = self.executor._pending.pop(work_id, None)
        if item is not None:
            _set_outcome(item.future, ok, value)
        del item, value
        limit = self.executor._max_tasks_per_child
        if limit is not None and w.done >= limit:
            # It exits by itself after its last call: a fresh one replaces it.
            w.process.join()
            w.conn.close()
            self.workers[self.workers.index(w)] = self.spawn()
        return True

    def stop_workers(self):
        for w in self.workers:
            try:
                w.conn.send_bytes(_STOP)
            except OSError:
                pass
        for w in self.workers:
            w.process.join()
            w.conn.close()

    def break_pool(self):
        """A worker died: every unfinished call fails and the pool refuses
        new ones (CPython's messages)."""
        executor = self.executor
        with executor._lock:
            executor._broken = _BROKEN_POOL
            executor._shutdown_thread = True
            items = list(executor._pending.values())
            executor._pending.clear()
            executor._queued.clear()
        self.running.clear()
        error = BrokenProcessPool(_BROKEN_CALL)
        for item in items:
            _set_outcome(item.future, False, error)
        del items
        for w in self.workers:
            w.process.terminate()
        for w in self.workers:
            w.process.join()
            w.conn.close()


class _ChunkRunner:
    """map()'s call for one chunk of argument tuples (picklable by name)."""

    def __init__(self, fn):
        self.fn = fn

    def __call__(self, chunk):
        return [self.fn(*args) for args in chunk]


def _chunks(iterables, size):
    items = zip(*iterables)
    while True:
        chunk = tuple(itertools.islice(items, size))
        if not chunk:
            return
        yield chunk


def _flatten(results):
    try:
        for chunk in results:
            yield from chunk
    finally:
        results.close()


class ProcessPoolExecutor(_base.Executor):
    """Runs calls in max_workers worker processes (default: the number of
    CPUs). max_tasks_per_child replaces a worker after that many calls."""

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                 max_tasks_per_child=None):
        if max_workers is None:
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        explicit_context = mp_context is not None
        if mp_context is None:
            # CPython picks 'spawn' when max_tasks_per_child is given; gilvm
            # has only fork, which is safe here (src/vm/fork.cpp).
            mp_context = multiprocessing.get_context()
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            if max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
            if explicit_context and mp_context.get_start_method(allow_none=False) == 'fork':
                raise ValueError("max_tasks_per_child is incompatible with the 'fork' "
                                 "multiprocessing start method; supply a different mp_context.")
        self._max_workers = max_workers
        self._mp_context = mp_context
        self._initializer = initializer
        self._initargs = initargs
        self._max_tasks_per_child = max_tasks_per_child
        self._lock = threading.Lock()
        self._pending = {}                   # work id -> _WorkItem, until it is done
        self._queued = collections.deque()   # work ids still PENDING
        self._next_id = 0
        self._broken = False
        self._shutdown_thread = False
        self._cancel_pending_futures = False
        self._manager = None

    def submit(self, fn, /, *args, **kwargs):
        with self._lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _exit_state.shutting_down:
                raise RuntimeError('cannot schedule new futures after interpreter shutdown')
            f = _base.Future()
            self._pending[self._next_id] = _WorkItem(f, fn, args, kwargs)
            self._queued.append(self._next_id)
            self._next_id += 1
            manager = self._manager
            if manager is None:
                manager = self._manager = _Manager(self)
                with _exit_state.lock:
                    _exit_state.managers.add(manager)
                manager.start()
        manager.wake()
        return f

    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Executor.map, sending the calls to the workers chunksize at a time."""
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        results = super().map(_ChunkRunner(fn), _chunks(iterables, chunksize), timeout=timeout)
        return _flatten(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._lock:
            self._cancel_pending_futures = cancel_futures
            self._shutdown_thread = True
            manager = self._manager
        if manager is not None:
            manager.wake()
            if wait:
                manager.join()

    shutdown.__doc__ = _base.Executor.shutdown.__doc__
