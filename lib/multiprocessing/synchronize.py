"""Locks, semaphores and events shared by forked processes, on the native
SemLock (src/modules/semlock.cpp): a counter, mutex and condition variable
in shared memory. They are shared by inheritance: created before the
Process that uses them starts (or passed as its arguments), never sent
through a Queue or Pipe."""

import threading
import _multiprocessing
from _multiprocessing import RECURSIVE_MUTEX, SEMAPHORE, SEM_VALUE_MAX

__all__ = ['Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier']


class SemLock:

    def __init__(self, kind, value, maxvalue):
        self._semlock = _multiprocessing.SemLock(kind, value, maxvalue)
        self.acquire = self._semlock.acquire
        self.release = self._semlock.release

    def __enter__(self):
        return self._semlock.__enter__()

    def __exit__(self, *args):
        return self._semlock.__exit__(*args)

    def __reduce__(self):
        raise RuntimeError('%s objects should only be shared between processes through inheritance'
                           % type(self).__name__)


def _owner_name():
    from multiprocessing import process
    name = process.current_process().name
    if threading.current_thread().name != 'MainThread':
        name += '|' + threading.current_thread().name
    return name


class Semaphore(SemLock):

    def __init__(self, value=1):
        SemLock.__init__(self, SEMAPHORE, value, SEM_VALUE_MAX)

    def get_value(self):
        return self._semlock._get_value()

    def __repr__(self):
        return '<%s(value=%s)>' % (type(self).__name__, self._semlock._get_value())


class BoundedSemaphore(Semaphore):

    def __init__(self, value=1):
        SemLock.__init__(self, SEMAPHORE, value, value)
        self._maxvalue = value

    def __repr__(self):
        return '<%s(value=%s, maxvalue=%s)>' % (type(self).__name__, self._semlock._get_value(),
                                                self._maxvalue)


class Lock(SemLock):

    def __init__(self):
        SemLock.__init__(self, SEMAPHORE, 1, 1)

    def __repr__(self):
        if self._semlock._is_mine():
            name = _owner_name()
        elif self._semlock._get_value() == 1:
            name = 'None'
        elif self._semlock._owner() is not None and self._semlock._owner()[0] == _getpid():
            name = 'SomeOtherThread'
        else:
            name = 'SomeOtherProcess'
        return '<%s(owner=%s)>' % (type(self).__name__, name)


class RLock(SemLock):

    def __init__(self):
        SemLock.__init__(self, RECURSIVE_MUTEX, 1, 1)

    def __repr__(self):
        if self._semlock._is_mine():
            name = _owner_name()
            count = self._semlock._count()
        elif self._semlock._get_value() == 1:
            name, count = 'None', 0
        elif self._semlock._owner() is not None and self._semlock._owner()[0] == _getpid():
            name, count = 'SomeOtherThread', 'nonzero'
        else:
            name, count = 'SomeOtherProcess', 'nonzero'
        return '<%s(%s, %s)>' % (type(self).__name__, name, count)


class Event:
    """A flag processes can wait for: a SemLock whose value is the flag."""

    def __init__(self):
        self._flag = _multiprocessing.SemLock(SEMAPHORE, 0, 1)

    def is_set(self):
        return self._flag._get_value() == 1

    def set(self):
        self._flag._set_value(1)

    def clear(self):
        self._flag._set_value(0)

    def wait(self, timeout=None):
        return self._flag._wait_nonzero(timeout)

    def __reduce__(self):
        raise RuntimeError('Event objects should only be shared between processes through inheritance')

    def __repr__(self):
        set_status = 'set' if self.is_set() else 'unset'
        return f"<{type(self).__qualname__} at {id(self):#x} {set_status}>"


class Condition:
    """A condition variable between processes, from three semaphores.

    A waiter counts itself in `_sleeping`, lets go of the lock and sleeps on
    `_wakeup`; when it wakes (notified or timed out) it counts itself in
    `_woken`. notify() first settles the waiters that timed out since the
    last notify (each is in both counts), then wakes up to n sleepers and
    waits until each has reported in, so that a notify never wakes a waiter
    that arrives after it."""

    def __init__(self, lock=None):
        self._lock = lock if lock is not None else RLock()
        self._sleeping = Semaphore(0)
        self._woken = Semaphore(0)
        self._wakeup = Semaphore(0)
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        raise RuntimeError('Condition objects should only be shared between processes through inheritance')

    def __repr__(self):
        try:
            waiters = self._sleeping._semlock._get_value() - self._woken._semlock._get_value()
        except Exception:
            waiters = 'unknown'
        return '<%s(%s, %s)>' % (type(self).__name__, self._lock, waiters)

    def _depth(self):
        # How many times the caller holds the lock (an RLock may be nested).
        if isinstance(self._lock, RLock):
            return self._lock._semlock._count()
        return 1

    def wait(self, timeout=None):
        if not self._lock._semlock._is_mine():
            raise AssertionError('must acquire() condition before using wait()')
        self._sleeping.release()
        depth = self._depth()
        for _ in range(depth):
            self._lock.release()
        try:
            return self._wakeup.acquire(True, timeout)
        finally:
            self._woken.release()
            for _ in range(depth):
                self._lock.acquire()

    def notify(self, n=1):
        if not self._lock._semlock._is_mine():
            raise AssertionError('lock is not owned')
        # Waiters that timed out since the last notify are in both counts.
        while self._woken.acquire(False):
            self._sleeping.acquire(False)
        woken = 0
        while woken < n and self._sleeping.acquire(False):
            self._wakeup.release()
            woken += 1
        for _ in range(woken):
            self._woken.acquire()
        # A waiter that timed out just as it was released leaves a wake-up
        # nobody took: drop it, or a later waiter would pass straight through.
        while self._wakeup.acquire(False):
            pass

    def notify_all(self):
        self.notify(n=SEM_VALUE_MAX)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        if timeout is not None:
            import time
            deadline = time.monotonic() + timeout
        else:
            waittime = None
        while not result:
            if timeout is not None:
                waittime = deadline - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class Barrier(threading.Barrier):
    """threading.Barrier with its condition and its state in shared memory."""

    def __init__(self, parties, action=None, timeout=None):
        from multiprocessing.sharedctypes import RawArray
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._shared = RawArray('i', 2)  # state, count
        self._state = 0
        self._count = 0

    def __reduce__(self):
        raise RuntimeError('Barrier objects should only be shared between processes through inheritance')

    @property
    def _state(self):
        return self._shared[0]

    @_state.setter
    def _state(self, value):
        self._shared[0] = value

    @property
    def _count(self):
        return self._shared[1]

    @_count.setter
    def _count(self, value):
        self._shared[1] = value


def _getpid():
    import os
    return os.getpid()
