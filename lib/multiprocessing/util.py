"""Per-process housekeeping for multiprocessing: what runs when a process
that used multiprocessing ends.

In the main process, _exit_function runs from threading._shutdown (through
threading._register_atexit), before the interpreter joins its non-daemon
threads. In a child it runs at the end of Process._bootstrap, which then
leaves through os._exit so that nothing of the parent's exit sequence runs a
second time.
"""

import sys
import threading

# Callables run by _exit_function before the children are joined, e.g. a
# Queue's "flush the buffered items to the pipe".
_finalizers = []
_exiting = False


def register_finalizer(func):
    _finalizers.append(func)


def _run_finalizers():
    while _finalizers:
        func = _finalizers.pop()
        try:
            func()
        except Exception as exc:
            sys.stderr.write('Error in multiprocessing finalizer: %r\n' % (exc,))


def _flush_std_streams():
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (AttributeError, ValueError):
            pass


def _exit_function():
    """Flush queues, stop daemonic children and wait for the others."""
    global _exiting
    if _exiting:
        return
    _exiting = True
    from multiprocessing import process
    _run_finalizers()
    for p in process.active_children():
        if p.daemon:
            p._popen.terminate()
    for p in process.active_children():
        p.join()
    _run_finalizers()


def _reset_after_fork():
    """In a new child: the parent's finalizers are not ours to run."""
    global _exiting
    _finalizers.clear()
    _exiting = False


threading._register_atexit(_exit_function)
