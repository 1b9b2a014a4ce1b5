"""Queues between processes: a one-way pipe carrying pickled messages.

put() pickles at once, in the caller, so an object that cannot be pickled
raises there (TypeError naming its type) instead of being lost in a
background thread while get() waits forever, which is what CPython does.
The pickled message is then handed to a feeder thread that writes it to the
pipe, so put() does not block when the pipe is full (as under CPython). The
feeder belongs to the process that started it: after a fork the child sees
a different pid and starts its own (_check_pid). When a process ends, its
queues' buffered messages are written before it exits (util finalizers).
"""

import collections
import os
import threading
import time
from queue import Empty, Full

from multiprocessing import connection, synchronize, util
from _multiprocessing import SEM_VALUE_MAX

__all__ = ['Queue', 'SimpleQueue', 'JoinableQueue']

_STOP = object()  # the feeder thread's "write what is left and end"


class Queue:

    def __init__(self, maxsize=0):
        if maxsize <= 0:
            maxsize = SEM_VALUE_MAX
        self._maxsize = maxsize
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = synchronize.Lock()
        self._wlock = synchronize.Lock()
        self._sem = synchronize.BoundedSemaphore(maxsize)
        self._closed = False
        self._reset()

    def _reset(self):
        self._pid = os.getpid()
        self._notempty = threading.Condition(threading.Lock())
        self._buffer = collections.deque()
        self._thread = None

    def _check_pid(self):
        if self._pid != os.getpid():
            self._reset()

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        data = connection.pickle.dumps(obj)
        if not self._sem.acquire(block, timeout):
            raise Full
        self._check_pid()
        with self._notempty:
            if self._thread is None:
                self._start_thread()
            self._buffer.append(data)
            self._notempty.notify()

    def put_nowait(self, obj):
        return self.put(obj, False)

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if block and timeout is None:
            with self._rlock:
                data = self._reader.recv_bytes()
        else:
            if block:
                deadline = time.monotonic() + timeout
            if not self._rlock.acquire(block, timeout):
                raise Empty
            try:
                if block:
                    if not self._reader.poll(max(deadline - time.monotonic(), 0)):
                        raise Empty
                elif not self._reader.poll():
                    raise Empty
                data = self._reader.recv_bytes()
            finally:
                self._rlock.release()
        self._sem.release()
        return connection.pickle.loads(data)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return self._maxsize - self._sem._semlock._get_value()

    def empty(self):
        # Messages this process put but its feeder has not written yet
        # count as well: CPython can report a just-filled queue as empty.
        if self._pid == os.getpid() and self._buffer:
            return False
        return not self._reader.poll()

    def full(self):
        return self._sem._semlock._get_value() == 0

    def close(self):
        self._closed = True
        if self._thread is not None and self._pid == os.getpid():
            with self._notempty:
                self._buffer.append(_STOP)
                self._notempty.notify()

    def join_thread(self):
        assert self._closed, "Queue {0!r} not closed".format(self)
        if self._thread is not None and self._pid == os.getpid():
            self._thread.join()

    def cancel_join_thread(self):
        self._joincancelled = True

    def _start_thread(self):
        self._thread = threading.Thread(target=self._feed, name='QueueFeederThread', daemon=True)
        self._thread.start()
        util.register_finalizer(self._finalize)

    def _finalize(self):
        """At process exit: write what is buffered, then stop the feeder."""
        if self._thread is None or self._pid != os.getpid():
            return
        if getattr(self, '_joincancelled', False):
            return
        with self._notempty:
            self._buffer.append(_STOP)
            self._notempty.notify()
        self._thread.join()

    def _feed(self):
        buffer = self._buffer
        notempty = self._notempty
        writer = self._writer
        wlock = self._wlock
        while True:
            with notempty:
                while not buffer:
                    notempty.wait()
                data = buffer.popleft()
            if data is _STOP:
                return
            try:
                with wlock:
                    writer.send_bytes(data)
            except OSError:
                return  # the reading end is gone

    def __reduce__(self):
        raise RuntimeError('Queue objects should only be shared between processes through inheritance')

    def __repr__(self):
        return '<multiprocessing.queues.Queue object at %#x>' % id(self)


class JoinableQueue(Queue):
    """A Queue whose join() waits until every item put has been task_done()."""

    def __init__(self, maxsize=0):
        Queue.__init__(self, maxsize)
        self._unfinished = synchronize.Semaphore(0)
        self._all_done = synchronize.Event()
        self._all_done.set()
        self._count_lock = synchronize.Lock()

    def put(self, obj, block=True, timeout=None):
        with self._count_lock:
            Queue.put(self, obj, block, timeout)
            self._unfinished.release()
            self._all_done.clear()

    def task_done(self):
        with self._count_lock:
            if not self._unfinished.acquire(False):
                raise ValueError('task_done() called too many times')
            if self._unfinished.get_value() == 0:
                self._all_done.set()

    def join(self):
        self._all_done.wait()


class SimpleQueue:
    """put() writes at once (no feeder thread); get() blocks."""

    def __init__(self):
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = synchronize.Lock()
        self._wlock = synchronize.Lock()

    def empty(self):
        return not self._reader.poll()

    def get(self):
        with self._rlock:
            data = self._reader.recv_bytes()
        return connection.pickle.loads(data)

    def put(self, obj):
        data = connection.pickle.dumps(obj)
        with self._wlock:
            self._writer.send_bytes(data)

    def close(self):
        self._reader.close()
        self._writer.close()

    def __reduce__(self):
        raise RuntimeError('SimpleQueue objects should only be shared between processes through '
                           'inheritance')
