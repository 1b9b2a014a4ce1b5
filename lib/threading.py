"""Thread objects and synchronisation primitives, as CPython 3.11's threading.

Written on top of the native `_thread` module: OS threads, plain locks,
reentrant locks and a per-thread "sentinel" lock that the runtime releases
when an OS thread ends. Everything else -- Thread bookkeeping, Condition,
Semaphore, Event, Barrier, Timer, local -- is Python, as in CPython, so the
GIL sees exactly the lock traffic CPython's threading produces. Join and
is_alive wait on the sentinel (CPython's `_tstate_lock`): a thread counts as
finished only once its OS thread has released it.
"""

import sys as _sys
import _thread
from time import monotonic as _time

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX', 'Event', 'Lock',
           'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread', 'Barrier',
           'BrokenBarrierError', 'Timer', 'ThreadError', 'ExceptHookArgs',
           'setprofile', 'settrace', 'local', 'stack_size', 'excepthook',
           'get_native_id', 'getprofile', 'gettrace']

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
_set_sentinel = _thread._set_sentinel
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
stack_size = _thread.stack_size
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
# gilvm names OS threads in --gil-stats and traces; python3 has no such hook.
_set_os_thread_name = getattr(_thread, '_set_name', None)

Lock = _allocate_lock
RLock = _thread.RLock


def _print_exception_fallback(exc):
    # python3 (the oracle) has no _thread._print_exception.
    import traceback
    traceback.print_exception(type(exc), exc, exc.__traceback__,
                              file=_sys.stderr)


_print_exception = getattr(_thread, '_print_exception',
                           _print_exception_fallback)

_profile_hook = None
_trace_hook = None


def setprofile(func):
    global _profile_hook
    _profile_hook = func


def settrace(func):
    global _trace_hook
    _trace_hook = func


def getprofile():
    return _profile_hook


def gettrace():
    return _trace_hook


class Condition:
    """Wait until notified; each waiter blocks on a private lock of its own."""

    # gilvm: how a wait appears in --trace ("blocked: lock" unless a user
    # such as queue.Queue says otherwise).
    _block_cause = None

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        # An RLock must be released completely while waiting, whatever its
        # recursion depth; use its own save/restore when it has them.
        if hasattr(lock, '_release_save'):
            self._release_save = lock._release_save
            self._acquire_restore = lock._acquire_restore
        if hasattr(lock, '_is_owned'):
            self._is_owned = lock._is_owned
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        # A plain lock has no owner: held by anyone counts as owned.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        if self._block_cause is not None:
            _thread._set_block_cause(waiter, self._block_cause)
        waiter.acquire()
        self._waiters.append(waiter)
        saved_state = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved_state)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                pass  # its wait timed out meanwhile
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all


class Semaphore:
    """A counter: acquire() blocks while it is zero, release() increments."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}>")

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to rise above its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


class Event:
    """A flag that threads can wait for."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: {status}>"

    def _at_fork_reinit(self):
        # After a fork the condition's lock may belong to a thread that is
        # gone; a fresh one replaces it (_after_fork).
        self._cond = Condition(Lock())

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


class BrokenBarrierError(RuntimeError):
    pass


# Barrier states.
_FILLING, _DRAINING, _RESETTING, _BROKEN = 0, 1, -1, -2


class Barrier:
    """Block `parties` threads until all of them have called wait()."""

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = _FILLING
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: broken>"
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        # Wait for the previous round to drain or reset.
        while self._state in (_DRAINING, _RESETTING):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == _FILLING

    def _release(self):
        try:
            if self._action:
                self._action()
            self._state = _DRAINING
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != _FILLING, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == _DRAINING

    def _exit(self):
        if self._count == 0 and self._state in (_RESETTING, _DRAINING):
            self._state = _FILLING
            self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state in (_FILLING, _BROKEN):
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = _BROKEN
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count if self._state == _FILLING else 0

    @property
    def broken(self):
        return self._state == _BROKEN


# Thread bookkeeping. _active maps an ident to the Thread running under it;
# _limbo holds threads between start() and their first instruction.
_active_limbo_lock = _allocate_lock()
_active = {}
_limbo = {}
# Non-daemon threads and their sentinel locks, for _shutdown() to wait on.
_shutdown_locks = {}

_counter_lock = _allocate_lock()
_counter = 0


def _newname(template):
    global _counter
    with _counter_lock:
        _counter += 1
        return template % _counter


class ExceptHookArgs:
    """What excepthook receives (a struct sequence in CPython)."""

    def __init__(self, args):
        self.exc_type, self.exc_value, self.exc_traceback, self.thread = args

    def __iter__(self):
        return iter((self.exc_type, self.exc_value, self.exc_traceback,
                     self.thread))

    def __getitem__(self, index):
        return tuple(self)[index]

    def __len__(self):
        return 4


def excepthook(args):
    """Print an exception raised by Thread.run(), as CPython does."""
    if args.exc_type == SystemExit:
        return
    stderr = _sys.stderr
    if stderr is None:
        return
    name = args.thread.name if args.thread is not None else get_ident()
    print(f"Exception in thread {name}:", file=stderr, flush=True)
    _print_exception(args.exc_value)
    stderr.flush()


__excepthook__ = excepthook


class Thread:
    """A thread of control: pass a target or override run()."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(),
                 kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += f" ({target.__name__})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._tstate_lock = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True
        self._local_impls = []  # the `local` objects this thread touched

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()  # sets _is_stopped when the thread has ended
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        self._started.wait()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Drop the references: the target may hold big objects.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        try:
            self._ident = get_ident()
            self._native_id = get_native_id()
            if _set_os_thread_name is not None:
                _set_os_thread_name(self._name)
            self._set_tstate_lock()
            self._started.set()
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]
            try:
                self.run()
            except BaseException as exc:
                self._invoke_excepthook(exc)
        finally:
            for impl in self._local_impls:
                impl.dicts.pop(self, None)
            with _active_limbo_lock:
                _active.pop(get_ident(), None)

    def _set_tstate_lock(self):
        # The runtime releases the sentinel when this OS thread is gone.
        lock = _set_sentinel()
        if not lock.locked():
            lock.acquire()
        self._tstate_lock = lock
        if not self._daemonic:
            with _active_limbo_lock:
                for thread, other in list(_shutdown_locks.items()):
                    if not other.locked():
                        del _shutdown_locks[thread]
                _shutdown_locks[self] = lock

    def _invoke_excepthook(self, exc):
        try:
            excepthook(ExceptHookArgs((type(exc), exc, exc.__traceback__,
                                       self)))
        except Exception as hook_exc:
            hook_exc.__suppress_context__ = True
            _sys.stderr.write("Exception in threading.excepthook:\n")
            _print_exception(hook_exc)

    def _stop(self):
        self._is_stopped = True
        self._tstate_lock = None
        if not self._daemonic:
            with _active_limbo_lock:
                _shutdown_locks.pop(self, None)

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        lock = self._tstate_lock
        if lock is None:
            return  # already stopped
        try:
            if lock.acquire(block, timeout):
                lock.release()
                self._stop()
        except:
            if lock.locked():
                lock.release()
                self._stop()
            raise

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._wait_for_tstate_lock()
        else:
            self._wait_for_tstate_lock(timeout=max(timeout, 0))

    def is_alive(self):
        assert self._initialized, "Thread.__init__() not called"
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_tstate_lock(False)
        return not self._is_stopped

    @property
    def name(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    @property
    def daemon(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class Timer(Thread):
    """Call a function after `interval` seconds unless cancel() comes first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._set_tstate_lock()
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    """Stands for a thread started by _thread directly: always alive, a daemon."""

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def _stop(self):
        pass

    def is_alive(self):
        assert not self._is_stopped and self._started.is_set()
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


def current_thread():
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


currentThread = current_thread


def active_count():
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


activeCount = active_count


def enumerate():
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


def main_thread():
    return _main_thread


_main_thread = _MainThread()


# Functions to call at exit before the non-daemon threads are joined
# (multiprocessing joins its children there), last registered first.
_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(lambda: func(*arg, **kwargs))


def _shutdown():
    """Called by the interpreter at exit: wait for every non-daemon thread."""
    global _SHUTTING_DOWN
    if _main_thread._is_stopped:
        return
    _SHUTTING_DOWN = True
    for atexit_call in reversed(_threading_atexits):
        atexit_call()
    lock = _main_thread._tstate_lock
    if lock is not None and lock.locked():
        lock.release()
    _main_thread._stop()
    while True:
        with _active_limbo_lock:
            locks = list(_shutdown_locks.values())
            _shutdown_locks.clear()
        if not locks:
            break
        for lock in locks:
            lock.acquire()
            lock.release()


def _after_fork():
    """Called in the child after a fork (src/vm/fork.cpp): the forking thread
    is the only one left. It becomes the main thread; every other Thread is
    marked stopped, and the module's locks, which a vanished thread may have
    held, are replaced."""
    global _main_thread, _active_limbo_lock, _counter_lock, _shutdown_locks
    global _active, _limbo
    _active_limbo_lock = _allocate_lock()
    _counter_lock = _allocate_lock()
    _shutdown_locks = {}
    _threading_atexits.clear()
    ident = get_ident()
    current = _active.get(ident)
    if current is None:
        current = _DummyThread()
    for thread in list(_active.values()) + list(_limbo.values()):
        thread._started._at_fork_reinit()
        thread._started._flag = True
        if thread is not current:
            thread._is_stopped = True
            thread._tstate_lock = None
    _active = {ident: current}
    _limbo = {}
    current._native_id = get_native_id()
    current._daemonic = False
    _main_thread = current


class _LocalImpl:
    """The per-thread dicts of one `local` object, keyed by Thread object.

    Keyed by the Thread rather than its ident: an ident is reused once its
    thread ends, and the new thread must not see the old one's values.
    """

    def __init__(self, args, kwargs):
        self.args = args
        self.kwargs = kwargs
        self.dicts = {}


def _local_dict(self):
    """This thread's attribute dict of `local` object self, made on first use."""
    impl = object.__getattribute__(self, '_local__impl')
    thread = current_thread()
    try:
        return impl.dicts[thread]
    except KeyError:
        pass
    d = impl.dicts[thread] = {}
    thread._local_impls.append(impl)
    cls = type(self)
    if cls.__init__ is not object.__init__:
        cls.__init__(self, *impl.args, **impl.kwargs)
    return d


def _is_data_descriptor(obj, name):
    attr = getattr(type(obj), name, None)
    return attr is not None and hasattr(type(attr), '__set__')


class local:
    """Attributes of a `local` object have a separate value in each thread.

    A subclass's __init__ runs again, with the original arguments, the first
    time each other thread touches the object.
    """

    def __new__(cls, *args, **kwargs):
        if (args or kwargs) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        impl = _LocalImpl(args, kwargs)
        object.__setattr__(self, '_local__impl', impl)
        thread = current_thread()
        impl.dicts[thread] = {}
        thread._local_impls.append(impl)
        return self

    def __getattribute__(self, name):
        d = _local_dict(self)
        if name == '__dict__':
            return d
        if name in d and not _is_data_descriptor(self, name):
            return d[name]
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError(
                "%r object attribute '__dict__' is read-only"
                % self.__class__.__name__)
        d = _local_dict(self)
        if _is_data_descriptor(self, name):
            object.__setattr__(self, name, value)
        else:
            d[name] = value

    def __delattr__(self, name):
        if name == '__dict__':
            raise AttributeError(
                "%r object attribute '__dict__' is read-only"
                % self.__class__.__name__)
        d = _local_dict(self)
        if _is_data_descriptor(self, name):
            object.__delattr__(self, name)
        elif name in d:
            del d[name]
        else:
            raise AttributeError(
                f"'{type(self).__name__}' object has no attribute '{name}'")
