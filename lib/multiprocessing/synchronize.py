"""Locks, semaphores and events shared by forked processes, on the native
SemLock (src/modules/semlock.cpp): a counter, mutex and condition variable
in shared memory. They are shared by inheritance: created before the
Process that uses them starts (or passed as its arguments), never sent
through a Queue or Pipe."""

import threading
import _multiprocessing
from _multiprocessing import RECURSIVE_MUTEX, SEMAPHORE, SEM_VALUE_MAX

__all__ = ['Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Event']


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


def _getpid():
    import os
    return os.getpid()
