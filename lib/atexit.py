"""Functions to run when the interpreter exits, last registered first.

gilvm's exit sequence (src/main.cpp, after the program ends normally, by
sys.exit or with an uncaught exception) calls threading._shutdown() when the
threading module was imported. This module imports threading and wraps its
_shutdown, so the functions run there: after the non-daemon threads are
joined, as in CPython. os._exit() skips them, as in CPython.
"""

import sys
import threading as _threading

__all__ = ['register', 'unregister']

_exithandlers = []


def register(func, *args, **kwargs):
    """Runs func(*args, **kwargs) at exit. Returns func (usable as a decorator)."""
    if not callable(func):
        raise TypeError('the first argument must be callable')
    _exithandlers.append((func, args, kwargs))
    return func


def unregister(func):
    """Removes every registration of func."""
    _exithandlers[:] = [h for h in _exithandlers if h[0] != func]


def _clear():
    del _exithandlers[:]


def _ncallbacks():
    return len(_exithandlers)


def _run_exitfuncs():
    """Runs the registered functions, last first; an exception in one is
    reported on stderr and the others still run."""
    while _exithandlers:
        func, args, kwargs = _exithandlers.pop()
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            try:
                sys.stdout.flush()
            except Exception:
                pass
            try:
                err = sys.stderr
                err.write('Exception ignored in atexit callback: ' + repr(func) + '\n')
                text = str(exc)
                name = type(exc).__name__
                err.write(name + (': ' + text if text else '') + '\n')
                err.flush()
            except Exception:
                pass


_previous_shutdown = _threading._shutdown


def _shutdown():
    try:
        _previous_shutdown()
    finally:
        _run_exitfuncs()


_threading._shutdown = _shutdown
