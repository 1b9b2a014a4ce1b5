"""Pool: a fixed set of worker processes that run tasks for the parent.

Design (gilvm's own, not CPython's three handler threads): every worker has
a private socketpair to the parent and runs at most one task at a time. One
handler thread in the parent sends pending tasks to idle workers and polls
the workers' connections for results. A worker that dies — killed by a
signal, or by os._exit in a task — shows up as end of file on its
connection (or as a dead pid): its task fails in the parent with
WorkerLostError naming the worker and its exit code, and a new worker takes
its place. CPython's pool waits forever in that case.

Tasks and results cross the process boundary pickled (lib/pickle.py). A
task that cannot be pickled fails its own result; an exception raised by a
task is pickled back and raised again by get()/map() with its type and
message.
"""

import collections
import itertools
import os
import threading
import time
import _posix

from multiprocessing import connection, process, util
from multiprocessing.context import TimeoutError, ProcessError

pickle = connection.pickle

__all__ = ['Pool', 'ThreadPool', 'AsyncResult', 'WorkerLostError', 'MaybeEncodingError']

INIT, RUN, CLOSE, TERMINATE = 'INIT', 'RUN', 'CLOSE', 'TERMINATE'

# Task kinds: one call, or a chunk of a map/starmap.
_CALL, _MAP, _STARMAP = 0, 1, 2
_STOP_MESSAGE = b''

# How often the handler looks at the workers' pids while tasks are running,
# in case a dead worker's socket stays open in some other process.
_LIVENESS_CHECK = 0.1


class WorkerLostError(ProcessError):
    """A worker process ended while running a task."""


class MaybeEncodingError(Exception):
    """A result that could not be sent back to the parent."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


def _run_task(func, kind, payload):
    if kind == _CALL:
        args, kwds = payload
        return func(*args, **kwds)
    if kind == _MAP:
        return [func(x) for x in payload]
    return [func(*x) for x in payload]


def _worker(conn, fds_to_close, initializer, initargs, maxtasks):
    """The body of a worker process."""
    for fd in fds_to_close:
        try:
            os.close(fd)
        except OSError:
            pass
    if initializer is not None:
        initializer(*initargs)
    done = 0
    while maxtasks is None or done < maxtasks:
        try:
            message = conn.recv_bytes()
        except (EOFError, OSError):
            return
        if message == _STOP_MESSAGE:
            return
        job_id, index, body = pickle.loads(message)
        try:
            func, kind, payload = pickle.loads(body)
            result = (True, _run_task(func, kind, payload))
        except Exception as e:
            result = (False, e)
        try:
            out = pickle.dumps((job_id, index, result))
        except Exception as e:
            wrapped = MaybeEncodingError(e, result[1])
            out = pickle.dumps((job_id, index, (False, wrapped)))
        try:
            conn.send_bytes(out)
        except OSError:
            return
        done += 1


class _WorkerHandle:
    """The parent's view of one worker."""

    def __init__(self, proc, conn):
        self.process = proc
        self.conn = conn
        self.task = None   # (job, index) running there, or None
        self.retiring = False


class ApplyResult:
    """The future result of apply_async (also named AsyncResult)."""

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._job = next(_job_counter)
        self._cond = threading.Condition(threading.Lock())
        self._ready = False
        self._callback = callback
        self._error_callback = error_callback
        pool._jobs[self._job] = self

    def ready(self):
        return self._ready

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        with self._cond:
            if not self._ready:
                self._cond.wait_for(lambda: self._ready, timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self._ready:
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _complete(self, success, value):
        self._success = success
        self._value = value
        if success and self._callback is not None:
            self._callback(value)
        if not success and self._error_callback is not None:
            self._error_callback(value)
        with self._cond:
            self._ready = True
            self._cond.notify_all()
        self._pool._jobs.pop(self._job, None)

    def _set(self, index, result):
        self._complete(*result)


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    """map_async: one list, filled chunk by chunk; the first error wins."""

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback)
        self._chunksize = chunksize
        self._value_list = [None] * length
        self._chunks_left = (length + chunksize - 1) // chunksize if length else 0
        self._error = None
        if self._chunks_left == 0:
            self._complete(True, [])

    def _set(self, index, result):
        success, value = result
        if success:
            self._value_list[index * self._chunksize:(index + 1) * self._chunksize] = value
        elif self._error is None:
            self._error = value
        self._chunks_left -= 1
        if self._chunks_left == 0:
            if self._error is None:
                self._complete(True, self._value_list)
            else:
                self._complete(False, self._error)


class IMapIterator:
    """imap: results in task order, as they arrive."""

    def __init__(self, pool, ordered):
        self._pool = pool
        self._job = next(_job_counter)
        self._cond = threading.Condition(threading.Lock())
        self._ordered = ordered
        self._items = {}        # chunk index -> (success, list or error)
        self._arrived = collections.deque()  # unordered: chunk results in arrival order
        self._next_chunk = 0
        self._pending = collections.deque()  # results of the current chunk
        self._length = None     # chunks in total, once known
        self._received = 0
        pool._jobs[self._job] = self

    def __iter__(self):
        return self

    def _set(self, index, result):
        with self._cond:
            if self._ordered:
                self._items[index] = result
            else:
                self._arrived.append(result)
            self._received += 1
            if self._length is not None and self._received >= self._length:
                self._pool._jobs.pop(self._job, None)
            self._cond.notify_all()

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._received >= length:
                self._pool._jobs.pop(self._job, None)
            self._cond.notify_all()

    def _take_chunk(self):
        """The next chunk's result, or None; the lock is held."""
        if self._ordered:
            return self._items.pop(self._next_chunk, None)
        return self._arrived.popleft() if self._arrived else None

    def next(self, timeout=None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self._pending:
            with self._cond:
                while True:
                    chunk = self._take_chunk()
                    if chunk is not None:
                        break
                    if self._length is not None and self._next_chunk >= self._length:
                        raise StopIteration
                    remaining = None if deadline is None else deadline - time.monotonic()
                    if remaining is not None and remaining <= 0:
                        raise TimeoutError
                    self._cond.wait(remaining)
                self._next_chunk += 1
            success, value = chunk
            if not success:
                raise value
            self._pending.extend(value)
        return self._pending.popleft()

    __next__ = next


_job_counter = itertools.count()


class Pool:
    """A pool of worker processes (fork)."""

    Process = process.Process

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None,
                 context=None):
        self._state = INIT
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._initializer = initializer
        self._initargs = initargs
        self._maxtasks = maxtasksperchild
        self._jobs = {}
        self._pending = collections.deque()   # (job, index, message)
        self._workers = []
        self._cond = threading.Condition(threading.Lock())
        self._wake_r, self._wake_w = os.pipe()
        for _ in range(processes):
            self._workers.append(self._spawn())
        self._state = RUN
        self._handler = threading.Thread(target=self._handle, name='PoolHandler', daemon=True)
        self._handler.start()

    # ---- workers

    def _spawn(self):
        parent_end, child_end = connection.Pipe()
        fds = [self._wake_r, self._wake_w, parent_end.fileno()]
        for w in self._workers:
            if not w.conn.closed:
                fds.append(w.conn.fileno())
        proc = self.Process(target=_worker, args=(child_end, fds, self._initializer, self._initargs,
                                                  self._maxtasks))
        proc.name = proc.name.replace('Process', 'ForkPoolWorker')
        proc.daemon = True
        proc.start()
        child_end.close()
        return _WorkerHandle(proc, parent_end)

    def _wake(self):
        try:
            os.write(self._wake_w, b'x')
        except OSError:
            pass

    def _retire(self, w, error=None):
        """Forget worker w (ended or being replaced); fail its task if any."""
        w.conn.close()
        w.process.join()
        if w in self._workers:
            self._workers.remove(w)
        if w.task is not None:
            job, index = w.task
            w.task = None
            if error is None:
                error = WorkerLostError(
                    'worker %s (pid %s) exited with exitcode %s while running a task'
                    % (w.process.name, w.process.pid, w.process.exitcode))
            job._set(index, (False, error))
        if self._state == RUN or (self._state == CLOSE and self._pending):
            self._workers.append(self._spawn())

    def _handle(self):
        """The handler thread: dispatch tasks, collect results, watch workers."""
        while True:
            with self._cond:
                if self._state == TERMINATE:
                    break
                for w in self._workers:
                    if w.task is None and not w.retiring and self._pending:
                        job, index, message = self._pending.popleft()
                        try:
                            w.conn.send_bytes(message)
                        except OSError:
                            self._pending.appendleft((job, index, message))
                            continue
                        w.task = (job, index)
                busy = any(w.task is not None for w in self._workers)
                if self._state == CLOSE and not busy and not self._pending:
                    break
                fds = [w.conn.fileno() for w in self._workers]
            ready = _posix.poll(fds + [self._wake_r], _LIVENESS_CHECK if busy else None)
            with self._cond:
                if self._state == TERMINATE:
                    break
                if self._wake_r in ready:
                    os.read(self._wake_r, 4096)
                for w in list(self._workers):
                    if w.conn.fileno() in ready:
                        self._receive(w)
                    elif w.task is not None and w.process._popen.poll() is not None:
                        if w.conn.poll():
                            self._receive(w)
                        else:
                            self._retire(w)
        with self._cond:
            if self._state != TERMINATE:
                for w in self._workers:
                    try:
                        w.conn.send_bytes(_STOP_MESSAGE)
                    except OSError:
                        pass

    def _receive(self, w):
        try:
            message = w.conn.recv_bytes()
        except (EOFError, OSError):
            self._retire(w)
            return
        job_id, index, result = pickle.loads(message)
        job, task_index = w.task
        w.task = None
        try:
            job._set(task_index, result)
        except Exception as e:
            import sys
            sys.stderr.write('Exception in a pool callback: %r\n' % (e,))
        if self._maxtasks is not None:
            w.done = getattr(w, 'done', 0) + 1
            if w.done >= self._maxtasks:
                w.retiring = True
                self._retire(w)

    # ---- submitting work

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def _submit(self, job, index, func, kind, payload):
        """Queues one task; a task that cannot be pickled fails at once."""
        try:
            body = pickle.dumps((func, kind, payload))
            message = pickle.dumps((job._job, index, body))
        except Exception as e:
            job._set(index, (False, e))
            return
        self._pending.append((job, index, message))

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        with self._cond:
            self._submit(result, 0, func, _CALL, (tuple(args), dict(kwds)))
        self._wake()
        return result

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def _map_async(self, func, iterable, kind, chunksize, callback, error_callback):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        items = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(items), len(self._workers) * 4)
            if extra:
                chunksize += 1
        if len(items) == 0:
            chunksize = 0
        result = MapResult(self, max(chunksize, 1), len(items), callback, error_callback)
        if items:
            with self._cond:
                for i, start in enumerate(range(0, len(items), chunksize)):
                    self._submit(result, i, func, kind, items[start:start + chunksize])
            self._wake()
        return result

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, _MAP, chunksize, callback, error_callback)

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, _STARMAP, chunksize, callback, error_callback)

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, _MAP, chunksize, None, None).get()

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, _STARMAP, chunksize, None, None).get()

    def _imap(self, func, iterable, chunksize, ordered):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        result = IMapIterator(self, ordered)
        items = list(iterable)
        with self._cond:
            count = 0
            for i, start in enumerate(range(0, len(items), chunksize)):
                self._submit(result, i, func, _MAP, items[start:start + chunksize])
                count += 1
        result._set_length(count)
        self._wake()
        return result

    def imap(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, True)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, False)

    # ---- shutting down

    def close(self):
        with self._cond:
            if self._state == RUN:
                self._state = CLOSE
        self._wake()

    def terminate(self):
        with self._cond:
            if self._state == TERMINATE:
                return
            self._state = TERMINATE
            workers = list(self._workers)
            pending = list(self._pending)
            self._pending.clear()
        self._wake()
        for w in workers:
            w.process.terminate()
        for w in workers:
            w.process.join()
            w.conn.close()
        # Results that can no longer arrive fail instead of waiting forever.
        error = ValueError("Pool was terminated")
        for job, index, _ in pending:
            job._set(index, (False, error))
        for w in workers:
            if w.task is not None:
                job, index = w.task
                w.task = None
                job._set(index, (False, error))

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        if self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        self._handler.join()
        for w in list(self._workers):
            w.process.join()
            if not w.conn.closed:
                w.conn.close()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()

    def __reduce__(self):
        raise NotImplementedError('pool objects cannot be passed between processes or pickled')

    def __repr__(self):
        return (f'<{self.__class__.__module__}.{self.__class__.__qualname__} '
                f'state={self._state} pool_size={len(self._workers)}>')


class ThreadPool(Pool):
    """Pool's interface with worker threads: no fork, no pickling, and every
    task runs under this process's GIL — the seed's threads, for comparing
    with the process pool on the same workload.

    Workers take (job, index, func, kind, payload) from one queue.Queue and
    set results themselves, under the pool's lock (results are not
    thread-safe on their own in Pool, whose one handler thread sets them)."""

    def __init__(self, processes=None, initializer=None, initargs=()):
        import queue
        self._state = INIT
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._jobs = {}
        self._cond = threading.Condition(threading.Lock())
        self._tasks = queue.Queue()
        self._workers = []
        for i in range(processes):
            t = threading.Thread(target=self._work, args=(initializer, initargs),
                                 name='ThreadPoolWorker-%d' % (i + 1), daemon=True)
            self._workers.append(t)
            t.start()
        self._state = RUN

    def _work(self, initializer, initargs):
        if initializer is not None:
            initializer(*initargs)
        while True:
            task = self._tasks.get()
            if task is None:
                return
            job, index, func, kind, payload = task
            try:
                result = (True, _run_task(func, kind, payload))
            except Exception as e:
                result = (False, e)
            with self._cond:
                if self._state == TERMINATE:
                    result = (False, ValueError("Pool was terminated"))
                try:
                    job._set(index, result)
                except Exception as e:
                    import sys
                    sys.stderr.write('Exception in a pool callback: %r\n' % (e,))

    def _submit(self, job, index, func, kind, payload):
        self._tasks.put((job, index, func, kind, payload))

    def _wake(self):
        pass

    def close(self):
        with self._cond:
            if self._state != RUN:
                return
            self._state = CLOSE
        for _ in self._workers:
            self._tasks.put(None)

    def terminate(self):
        with self._cond:
            if self._state == TERMINATE:
                return
            was_running = self._state == RUN
            self._state = TERMINATE
        # Threads cannot be killed: queued tasks are dropped, the one each
        # worker may be running finishes, and results that cannot arrive
        # any more fail instead of waiting forever.
        dropped = []
        while True:
            try:
                task = self._tasks.get_nowait()
            except Exception:
                break
            if task is not None:
                dropped.append(task)
        if was_running:
            for _ in self._workers:
                self._tasks.put(None)
        error = ValueError("Pool was terminated")
        for job, index, _, _, _ in dropped:
            job._set(index, (False, error))

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        for t in self._workers:
            if t is not threading.current_thread():
                t.join()

    def __repr__(self):
        return (f'<{self.__class__.__module__}.{self.__class__.__qualname__} '
                f'state={self._state} pool_size={len(self._workers)}>')
