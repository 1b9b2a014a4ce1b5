"""multiprocessing's interface over threads (CPython's multiprocessing.dummy):
the same program with threads instead of processes, all under one GIL."""

import threading
from queue import Queue

from multiprocessing.pool import ThreadPool as _ThreadPool
from threading import Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event, Barrier
from threading import current_thread as current_process
from multiprocessing.context import cpu_count, TimeoutError

__all__ = ['Process', 'current_process', 'active_children', 'freeze_support', 'Lock', 'RLock',
           'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier', 'Queue',
           'JoinableQueue', 'Pool', 'Value', 'Array', 'Pipe', 'cpu_count', 'TimeoutError']

JoinableQueue = Queue

_children = {}  # started DummyProcesses; finished ones are pruned by active_children()


class DummyProcess(threading.Thread):
    """A thread with Process's extras: exitcode and a place in active_children()."""

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}):
        threading.Thread.__init__(self, group, target, name, args, kwargs)
        self._pid = None
        self._start_called = False
        self._parent = current_process()

    def start(self):
        if self._parent is not current_process():
            raise RuntimeError("Parent is {0!r} but current_process is {1!r}"
                               .format(self._parent, current_process()))
        self._start_called = True
        _children[self] = None
        threading.Thread.start(self)

    @property
    def exitcode(self):
        if self._start_called and not self.is_alive():
            return 0
        return None


Process = DummyProcess


def active_children():
    children = [p for p in list(_children) if p.is_alive()]
    for p in list(_children):
        if not p.is_alive():
            _children.pop(p, None)
    return children


def freeze_support():
    pass


class Namespace:
    def __init__(self, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        items = sorted((k, v) for k, v in self.__dict__.items() if not k.startswith('_'))
        return '%s(%s)' % (type(self).__name__, ', '.join('%s=%r' % kv for kv in items))


class Value:
    """A plain value (CPython's thread version has no lock either)."""

    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, v):
        self._value = v

    def __repr__(self):
        return '<%s(%r, %r)>' % (type(self).__name__, self._typecode, self._value)


def Array(typecode, size_or_initializer, lock=True):
    """A list standing in for a shared array (gilvm has no array module)."""
    if isinstance(size_or_initializer, int):
        return [0.0 if typecode in 'fd' else 0] * size_or_initializer
    return list(size_or_initializer)


dict = dict
list = list


def Manager():
    # As in CPython: the module itself, whose dict(), list(), Queue(), ...
    # need no manager process when everything is a thread.
    import sys
    return sys.modules[__name__]


def Pool(processes=None, initializer=None, initargs=()):
    return _ThreadPool(processes, initializer, initargs)


class Connection:
    """One end of a Pipe between threads: two queues."""

    def __init__(self, inbox, outbox):
        self._in = inbox
        self._out = outbox

    def send(self, obj):
        self._out.put(obj)

    def recv(self):
        return self._in.get()

    def poll(self, timeout=0.0):
        with self._in.not_empty:
            return bool(self._in.not_empty.wait_for(self._in._qsize, timeout))

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def Pipe(duplex=True):
    a, b = Queue(), Queue()
    if duplex:
        return Connection(a, b), Connection(b, a)
    return Connection(a, None), Connection(None, a)
