"""Selectors: waiting on many file objects at once (gilvm's own version of
CPython's API), over the native `select` module's select(), poll and epoll.

A selector maps each registered descriptor to a SelectorKey (the caller's
file object, its descriptor, the events wanted and the caller's data), so
that an event loop gets its own objects back from select(). That map is
the truth for get_key() and get_map(); each concrete class mirrors it into
what its system call needs: two fd sets rebuilt into lists on every
select(), or a poll/epoll object kept in step on every register, modify
and unregister. The waits themselves release the GIL (src/modules/select.cpp),
so other threads run while a loop sleeps.
"""

import math
import select
from abc import ABCMeta, abstractmethod
from collections import namedtuple

__all__ = ['EVENT_READ', 'EVENT_WRITE', 'SelectorKey', 'BaseSelector', 'SelectSelector',
           'PollSelector', 'EpollSelector', 'DefaultSelector']

EVENT_READ = 1 << 0
EVENT_WRITE = 1 << 1
_ALL_EVENTS = EVENT_READ | EVENT_WRITE

SelectorKey = namedtuple('SelectorKey', ['fileobj', 'fd', 'events', 'data'])
SelectorKey.__doc__ = """SelectorKey(fileobj, fd, events, data)

What a selector remembers about one registered file object."""


def _fileobj_to_fd(fileobj):
    """The descriptor of an int or of an object with a fileno() method."""
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError("Invalid file object: {!r}".format(fileobj)) from None
    if fd < 0:
        raise ValueError("Invalid file descriptor: {}".format(fd))
    return fd


def _not_registered(fileobj):
    return KeyError("{!r} is not registered".format(fileobj))


class _SelectorMapping:
    """get_map(): a read-only Mapping view of a selector, keyed by file
    object (or descriptor), iterating over descriptors as CPython's does."""

    __slots__ = ('_selector',)

    def __init__(self, selector):
        self._selector = selector

    def __len__(self):
        return len(self._selector._fd_to_key)

    def __iter__(self):
        return iter(self._selector._fd_to_key)

    def __getitem__(self, fileobj):
        key = self._selector._fd_to_key.get(self._selector._fileobj_lookup(fileobj))
        if key is None:
            raise _not_registered(fileobj)
        return key

    def __contains__(self, fileobj):
        try:
            self[fileobj]
        except KeyError:
            return False
        return True

    def get(self, fileobj, default=None):
        try:
            return self[fileobj]
        except KeyError:
            return default

    def keys(self):
        return list(self._selector._fd_to_key)

    def values(self):
        return list(self._selector._fd_to_key.values())

    def items(self):
        return list(self._selector._fd_to_key.items())

    def __eq__(self, other):
        if isinstance(other, _SelectorMapping):
            other = dict(other.items())
        return dict(self.items()) == other


try:
    from collections.abc import Mapping as _Mapping
    _Mapping.register(_SelectorMapping)
except ImportError:
    pass


class BaseSelector(metaclass=ABCMeta):
    """The selector interface: register file objects for events, then
    select() those that are ready."""

    @abstractmethod
    def register(self, fileobj, events, data=None):
        """Starts watching `fileobj` for `events`; returns its SelectorKey."""
        raise NotImplementedError

    @abstractmethod
    def unregister(self, fileobj):
        """Stops watching `fileobj`; returns the key it had."""
        raise NotImplementedError

    def modify(self, fileobj, events, data=None):
        """Changes the events or data of a registered file object."""
        self.unregister(fileobj)
        return self.register(fileobj, events, data)

    @abstractmethod
    def select(self, timeout=None):
        """Waits until some file object is ready or `timeout` seconds pass
        (None: no limit, <= 0: do not wait); returns [(key, events)]."""
        raise NotImplementedError

    def close(self):
        """Frees the selector's resources; it cannot be used afterwards."""
        pass

    def get_key(self, fileobj):
        mapping = self.get_map()
        if mapping is None:
            raise RuntimeError('Selector is closed')
        try:
            return mapping[fileobj]
        except KeyError:
            raise _not_registered(fileobj) from None

    @abstractmethod
    def get_map(self):
        """A Mapping of file objects to SelectorKeys (None once closed)."""
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


class _BaseSelectorImpl(BaseSelector):
    """The key bookkeeping every concrete selector shares. Subclasses keep
    their kernel state in step through _watch, _unwatch and _rewatch."""

    def __init__(self):
        self._fd_to_key = {}
        self._map = _SelectorMapping(self)

    def _fileobj_lookup(self, fileobj):
        try:
            return _fileobj_to_fd(fileobj)
        except ValueError:
            # A file closed since registration has no fileno() any more,
            # but its key can still be found by identity and unregistered.
            for key in self._fd_to_key.values():
                if key.fileobj is fileobj:
                    return key.fd
            raise

    def _registered_key(self, fileobj):
        try:
            return self._fd_to_key[self._fileobj_lookup(fileobj)]
        except KeyError:
            raise _not_registered(fileobj) from None

    @staticmethod
    def _check_events(events):
        if not events or events & ~_ALL_EVENTS:
            raise ValueError("Invalid events: {!r}".format(events))

    def register(self, fileobj, events, data=None):
        self._check_events(events)
        fd = self._fileobj_lookup(fileobj)
        if fd in self._fd_to_key:
            raise KeyError("{!r} (FD {}) is already registered".format(fileobj, fd))
        key = SelectorKey(fileobj, fd, events, data)
        self._watch(fd, events)
        self._fd_to_key[fd] = key
        return key

    def unregister(self, fileobj):
        key = self._registered_key(fileobj)
        del self._fd_to_key[key.fd]
        self._unwatch(key.fd, key.events)
        return key

    def modify(self, fileobj, events, data=None):
        key = self._registered_key(fileobj)
        if events != key.events:
            self._check_events(events)
            try:
                self._rewatch(key.fd, key.events, events)
            except BaseException:
                # CPython's behaviour: a failed change leaves it unregistered.
                del self._fd_to_key[key.fd]
                raise
        if events != key.events or data != key.data:
            key = key._replace(events=events, data=data)
            self._fd_to_key[key.fd] = key
        return key

    def _rewatch(self, fd, old_events, new_events):
        self._unwatch(fd, old_events)
        self._watch(fd, new_events)

    def _ready(self, fd, events):
        """(key, events) for a descriptor the kernel reported, or None."""
        key = self._fd_to_key.get(fd)
        if key is None:
            return None
        return (key, events & key.events)

    def close(self):
        self._fd_to_key.clear()
        self._map = None

    def get_map(self):
        return self._map


class SelectSelector(_BaseSelectorImpl):
    """select(): no kernel state, so nothing to keep in step but two sets;
    limited to descriptors below FD_SETSIZE (1024)."""

    def __init__(self):
        super().__init__()
        self._readers = set()
        self._writers = set()

    def _watch(self, fd, events):
        if events & EVENT_READ:
            self._readers.add(fd)
        if events & EVENT_WRITE:
            self._writers.add(fd)

    def _unwatch(self, fd, events):
        self._readers.discard(fd)
        self._writers.discard(fd)

    def select(self, timeout=None):
        if timeout is not None:
            timeout = max(timeout, 0)
        try:
            readable, writable, _ = select.select(self._readers, self._writers, [], timeout)
        except InterruptedError:
            return []
        found = {}
        for fd in readable:
            found[fd] = EVENT_READ
        for fd in writable:
            found[fd] = found.get(fd, 0) | EVENT_WRITE
        ready = []
        for fd, events in found.items():
            pair = self._ready(fd, events)
            if pair is not None:
                ready.append(pair)
        return ready


class _PollLikeSelector(_BaseSelectorImpl):
    """poll and epoll: a kernel object that remembers the descriptors, told
    about every change. The subclass names its mask bits and how it waits."""

    _READ_MASK = 0
    _WRITE_MASK = 0

    def _mask(self, events):
        mask = 0
        if events & EVENT_READ:
            mask |= self._READ_MASK
        if events & EVENT_WRITE:
            mask |= self._WRITE_MASK
        return mask

    def _watch(self, fd, events):
        self._selector.register(fd, self._mask(events))

    def _unwatch(self, fd, events):
        try:
            self._selector.unregister(fd)
        except OSError:
            # Closing a descriptor removes it from an epoll set already.
            pass

    def _rewatch(self, fd, old_events, new_events):
        self._selector.modify(fd, self._mask(new_events))

    def _poll(self, timeout):
        raise NotImplementedError

    def select(self, timeout=None):
        try:
            reported = self._poll(timeout)
        except InterruptedError:
            return []
        ready = []
        for fd, mask in reported:
            events = 0
            # Hang-ups and errors count for both: the next read or write
            # will not block (it returns EOF or raises).
            if mask & ~self._WRITE_MASK:
                events |= EVENT_READ
            if mask & ~self._READ_MASK:
                events |= EVENT_WRITE
            pair = self._ready(fd, events)
            if pair is not None:
                ready.append(pair)
        return ready


class PollSelector(_PollLikeSelector):
    """poll(): timeouts in whole milliseconds, rounded up."""

    _READ_MASK = select.POLLIN
    _WRITE_MASK = select.POLLOUT

    def __init__(self):
        super().__init__()
        self._selector = select.poll()

    def _poll(self, timeout):
        if timeout is not None:
            timeout = 0 if timeout <= 0 else math.ceil(timeout * 1e3)
        return self._selector.poll(timeout)


class EpollSelector(_PollLikeSelector):
    """epoll: one kernel descriptor holds the interest set, so select()
    costs what is ready, not what is registered."""

    _READ_MASK = select.EPOLLIN
    _WRITE_MASK = select.EPOLLOUT

    def __init__(self):
        super().__init__()
        self._selector = select.epoll()

    def fileno(self):
        return self._selector.fileno()

    def _poll(self, timeout):
        if timeout is None:
            timeout = -1
        elif timeout <= 0:
            timeout = 0
        else:
            # Whole milliseconds, rounded up, so a short wait still waits.
            timeout = math.ceil(timeout * 1e3) * 1e-3
        return self._selector.poll(timeout, max(len(self._fd_to_key), 1))

    def close(self):
        self._selector.close()
        super().close()


if hasattr(select, 'epoll'):
    DefaultSelector = EpollSelector
elif hasattr(select, 'poll'):
    DefaultSelector = PollSelector
else:
    DefaultSelector = SelectSelector
