"""Errors and start methods. gilvm has one start method, fork (Linux's
default under CPython 3.11), so a context is only a namespace."""

import os


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


_start_method = None


def get_start_method(allow_none=False):
    if _start_method is None and not allow_none:
        return 'fork'
    return _start_method


def set_start_method(method, force=False):
    global _start_method
    if _start_method is not None and not force:
        raise RuntimeError('context has already been set')
    if method is not None and method != 'fork':
        raise ValueError('cannot find context for %r' % method)
    _start_method = method


def get_all_start_methods():
    return ['fork']


def cpu_count():
    num = os.cpu_count()
    if num is None:
        raise NotImplementedError('cannot determine number of cpus')
    return num


class ForkContext:
    """What get_context('fork') returns: the module's API again."""
    _name = 'fork'

    def get_start_method(self, allow_none=False):
        return 'fork'

    def __getattr__(self, name):
        import multiprocessing
        return getattr(multiprocessing, name)


def get_context(method=None):
    if method is not None and method != 'fork':
        raise ValueError('cannot find context for %r' % method)
    return ForkContext()
