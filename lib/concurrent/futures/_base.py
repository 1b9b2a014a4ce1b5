"""What every executor shares: Future, wait(), as_completed() and the
Executor protocol (submit, map, shutdown, with-statement), with CPython
3.11's behaviour and messages.

A Future is a small state machine guarded by one Condition:

    PENDING --set_running_or_notify_cancel()--> RUNNING --set_result()/set_exception()--> FINISHED
       |                                                         ^
       +--cancel()--> CANCELLED --set_running_or_notify_cancel()--> CANCELLED_AND_NOTIFIED
       +------------------set_result()/set_exception()-----------+

result() and exception() wait on the Condition. wait() and as_completed()
instead install a _Waiter on each unfinished future, which the future
reports to once, when it finishes or when an executor has seen its
cancellation (CANCELLED_AND_NOTIFIED): as in CPython, a future cancelled but
never picked up by an executor is done() yet still "not done" for wait().
The waiter is installed under each future's own lock in turn, never under
all of them at once: a future is either seen done while installing or
reports later, so no finish is lost and no lock order is needed.

gilvm has no logging module: an exception raised by a done-callback, which
CPython sends to logging.getLogger('concurrent.futures'), is written to
stderr as logging's last-resort handler would write it (_report).
"""

import collections
import sys
import threading
import time
import types

__all__ = ['FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'CancelledError',
           'TimeoutError', 'InvalidStateError', 'BrokenExecutor', 'Future', 'Executor',
           'wait', 'as_completed', 'DoneAndNotDoneFutures']

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_FUTURE_STATES = [PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: 'pending',
    RUNNING: 'running',
    CANCELLED: 'cancelled',
    CANCELLED_AND_NOTIFIED: 'cancelled',
    FINISHED: 'finished',
}

_CANCELLED_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED)
_DONE_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)
# Done as far as wait() and as_completed() are concerned.
_SETTLED_STATES = (CANCELLED_AND_NOTIFIED, FINISHED)


class Error(Exception):
    """Base class of the errors of this package."""


class CancelledError(Error):
    """The Future was cancelled."""


# The built-in one since 3.11 (futures.TimeoutError is TimeoutError).
TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The operation is not allowed in the Future's state."""


class BrokenExecutor(RuntimeError):
    """An executor can no longer run anything (a worker failed to start or died)."""


def _report(message, exc=None):
    """Writes message, then exc's traceback, to stderr: what logging's
    last-resort handler prints for LOGGER.exception / LOGGER.critical."""
    err = sys.stderr
    if err is None:
        return
    try:
        err.write(message + '\n')
        err.flush()
        if exc is not None:
            threading._print_exception(exc)
    except Exception:
        pass  # reporting must never raise into a worker


class _Waiter:
    """What one wait() or as_completed() call blocks on.

    Each watched future calls future_done once (with its own lock held);
    the waiter records it and sets its event when the call's condition is
    met. `watching` counts the watched futures not reported yet."""

    def __init__(self, return_when):
        self.lock = threading.Lock()
        self.event = threading.Event()
        self.finished = []  # reported futures, in the order they finished
        self.return_when = return_when
        self.watching = 0

    def watch_one(self):
        with self.lock:
            self.watching += 1

    def future_done(self, future, raised):
        with self.lock:
            self.finished.append(future)
            self.watching -= 1
            if (self.watching == 0 or self.return_when in (FIRST_COMPLETED, _AS_COMPLETED)
                    or (raised and self.return_when == FIRST_EXCEPTION)):
                self.event.set()


def _watch(fs, return_when):
    """Installs one waiter on every unsettled future of the set fs.
    Returns the waiter and the set of futures that were already settled."""
    waiter = _Waiter(return_when)
    settled = set()
    for f in fs:
        with f._condition:
            if f._state in _SETTLED_STATES:
                settled.add(f)
            else:
                waiter.watch_one()
                f._waiters.append(waiter)
    return waiter, settled


def _unwatch(fs, waiter):
    for f in fs:
        with f._condition:
            if waiter in f._waiters:
                f._waiters.remove(waiter)


class Future:
    """The result of a call that may not have finished yet."""

    def __init__(self):
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def __repr__(self):
        with self._condition:
            state = self._state
            outcome = ''
            if state == FINISHED:
                if self._exception is not None:
                    outcome = ' raised ' + type(self._exception).__name__
                else:
                    outcome = ' returned ' + type(self._result).__name__
        return '<%s at %#x state=%s%s>' % (type(self).__name__, id(self),
                                          _STATE_TO_DESCRIPTION_MAP[state], outcome)

    __class_getitem__ = classmethod(types.GenericAlias)

    def _run_callback(self, fn):
        try:
            fn(self)
        except Exception as exc:
            _report('exception calling callback for %r' % (self,), exc)

    def cancel(self):
        """Cancels the call unless it is running or done; True if it is cancelled."""
        with self._condition:
            if self._state in (RUNNING, FINISHED):
                return False
            if self._state in _CANCELLED_STATES:
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        for fn in self._done_callbacks:
            self._run_callback(fn)
        return True

    def cancelled(self):
        with self._condition:
            return self._state in _CANCELLED_STATES

    def running(self):
        with self._condition:
            return self._state == RUNNING

    def done(self):
        with self._condition:
            return self._state in _DONE_STATES

    def _wait_done(self, timeout):
        """Waits (the lock held) until done or timeout; raises CancelledError
        or TimeoutError when there is no outcome to give."""
        if self._state not in _DONE_STATES:
            self._condition.wait_for(lambda: self._state in _DONE_STATES, timeout)
        if self._state in _CANCELLED_STATES:
            raise CancelledError()
        if self._state != FINISHED:
            raise TimeoutError()

    def result(self, timeout=None):
        """The call's return value, waiting up to timeout seconds (forever if
        None); raises what the call raised, CancelledError or TimeoutError."""
        with self._condition:
            self._wait_done(timeout)
            if self._exception is not None:
                raise self._exception
            return self._result

    def exception(self, timeout=None):
        """What the call raised (None if it returned), waiting as result() does."""
        with self._condition:
            self._wait_done(timeout)
            return self._exception

    def add_done_callback(self, fn):
        """Calls fn(future) when the future is done, at once if it already is.
        An exception fn raises is reported on stderr, not raised."""
        with self._condition:
            if self._state not in _DONE_STATES:
                self._done_callbacks.append(fn)
                return
        self._run_callback(fn)

    # ---- for executors (and tests)

    def set_running_or_notify_cancel(self):
        """An executor's "I am about to run this": False (and the waiters are
        told) if it was cancelled, else True and the future is RUNNING."""
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.future_done(self, False)
                return False
            if self._state == PENDING:
                self._state = RUNNING
                return True
            state = self._state
        _report('Future %s in unexpected state: %s' % (id(self), state))
        raise RuntimeError('Future in unexpected state')

    def _finish(self, result, exception):
        with self._condition:
            if self._state in _DONE_STATES:
                raise InvalidStateError('%s: %r' % (self._state, self))
            self._result = result
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.future_done(self, exception is not None)
            self._condition.notify_all()
        for fn in self._done_callbacks:
            self._run_callback(fn)

    def set_result(self, result):
        self._finish(result, None)

    def set_exception(self, exception):
        self._finish(None, exception)


DoneAndNotDoneFutures = collections.namedtuple('DoneAndNotDoneFutures', 'done not_done')


def _wait_is_over(settled, fs, return_when):
    if len(settled) == len(fs):
        return True
    if return_when == FIRST_COMPLETED:
        return bool(settled)
    if return_when == FIRST_EXCEPTION:
        return any(f._state == FINISHED and f._exception is not None for f in settled)
    return False


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Waits until the futures fs meet return_when (FIRST_COMPLETED,
    FIRST_EXCEPTION or ALL_COMPLETED) or timeout seconds pass; returns the
    named pair (done, not_done) of sets."""
    fs = set(fs)
    waiter, done = _watch(fs, return_when)
    try:
        if not _wait_is_over(done, fs, return_when):
            if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
                raise ValueError('Invalid return condition: %r' % return_when)
            waiter.event.wait(timeout)
    finally:
        _unwatch(fs, waiter)
    with waiter.lock:
        done.update(waiter.finished)
    return DoneAndNotDoneFutures(done, fs - done)


def as_completed(fs, timeout=None):
    """Yields the futures fs (each once) as they finish, the finished ones
    first; raises TimeoutError if some are unfinished after timeout seconds
    (counted from the first next())."""
    if timeout is not None:
        deadline = time.monotonic() + timeout
    fs = set(fs)
    total = len(fs)
    waiter, settled = _watch(fs, _AS_COMPLETED)
    pending = fs - settled
    try:
        # CPython hands the already finished ones out from the end of a list.
        yield from reversed(list(settled))
        while pending:
            remaining = None
            if timeout is not None:
                remaining = deadline - time.monotonic()
                if remaining < 0:
                    raise TimeoutError('%d (of %d) futures unfinished' % (len(pending), total))
            waiter.event.wait(remaining)
            with waiter.lock:
                finished = waiter.finished
                waiter.finished = []
                waiter.event.clear()
            for f in finished:
                pending.discard(f)
                yield f
    finally:
        _unwatch(fs, waiter)


def _results_in_order(futures, deadline):
    """map()'s iterator: the futures' results in submission order, waited
    for only as the caller asks. Whatever it does not deliver -- after an
    exception, a timeout, or when the caller stops early -- is cancelled."""
    futures.reverse()
    try:
        while futures:
            f = futures.pop()
            try:
                if deadline is None:
                    value = f.result()
                else:
                    value = f.result(deadline - time.monotonic())
            finally:
                f.cancel()
            yield value
    finally:
        for f in futures:
            f.cancel()


class Executor:
    """Runs calls asynchronously; subclasses provide submit()."""

    def submit(self, fn, /, *args, **kwargs):
        """Schedules fn(*args, **kwargs); returns its Future."""
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), but the calls are submitted at once and
        run concurrently. The iterator raises a call's exception when it
        reaches it, and TimeoutError if a result is not there timeout
        seconds after map() was called. chunksize matters only to
        ProcessPoolExecutor."""
        deadline = None if timeout is None else timeout + time.monotonic()
        futures = [self.submit(fn, *args) for args in zip(*iterables)]
        return _results_in_order(futures, deadline)

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Frees the executor's resources once the pending calls are done;
        waits for that if wait. cancel_futures cancels the calls not started."""
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False
