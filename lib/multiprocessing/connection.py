"""Connections: message channels between processes over file descriptors.

A message is a 4-byte big-endian length followed by that many bytes; send()
and recv() put a pickle (lib/pickle.py) in it. Pipe() is a socketpair
(duplex) or an os.pipe (one way). Every read, write and poll releases the
GIL while it waits (the _os and _posix calls do), so a thread blocked on a
connection never stalls the others.
"""

import os
import pickle
import time
import _posix

__all__ = ['Connection', 'Pipe', 'wait']

_MAX_MESSAGE = 0x7fffffff


def _write_all(fd, data):
    # A blocking write to a pipe or socket usually takes everything at once;
    # the loop is for the partial writes a signal can cause.
    while data:
        n = os.write(fd, data)
        data = data[n:]


def _read_exactly(fd, n):
    """n bytes, or fewer only at end of file."""
    chunks = []
    while n > 0:
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        n -= len(chunk)
    return b''.join(chunks)


class Connection:
    """One end of a Pipe."""

    def __init__(self, fd, readable=True, writable=True):
        if not readable and not writable:
            raise ValueError("at least one of `readable` and `writable` must be True")
        self._fd = fd
        self._readable = readable
        self._writable = writable

    def _check_closed(self):
        if self._fd is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        return self._fd is None

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def fileno(self):
        self._check_closed()
        return self._fd

    def close(self):
        if self._fd is not None:
            fd = self._fd
            self._fd = None
            os.close(fd)

    def send_bytes(self, buf, offset=0, size=None):
        self._check_closed()
        self._check_writable()
        data = bytes(buf)
        n = len(data)
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        self._send(data[offset:offset + size])

    def _send(self, data):
        if len(data) > _MAX_MESSAGE:
            raise ValueError("message too long")
        _write_all(self._fd, len(data).to_bytes(4, 'big') + data)

    def recv_bytes(self, maxlength=None):
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        data = self._recv()
        if maxlength is not None and len(data) > maxlength:
            self.close()
            raise OSError("bad message length")
        return data

    def _recv(self):
        header = _read_exactly(self._fd, 4)
        if len(header) < 4:
            raise EOFError
        size = int.from_bytes(header, 'big')
        data = _read_exactly(self._fd, size)
        if len(data) < size:
            raise EOFError
        return data

    def send(self, obj):
        self._check_closed()
        self._check_writable()
        self._send(pickle.dumps(obj))

    def recv(self):
        self._check_closed()
        self._check_readable()
        return pickle.loads(self._recv())

    def poll(self, timeout=0.0):
        """Whether there is anything to read (or the other end is closed)."""
        self._check_closed()
        self._check_readable()
        return bool(_posix.poll([self._fd], timeout))

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()

    def __reduce__(self):
        raise TypeError("cannot pickle 'Connection' object: share it through inheritance")

    def __repr__(self):
        return '<multiprocessing.connection.Connection fd=%s>' % self._fd


def Pipe(duplex=True):
    """A pair (conn1, conn2); one way (conn1 reads, conn2 writes) unless duplex."""
    if duplex:
        a, b = _posix.socketpair()
        return Connection(a), Connection(b)
    r, w = os.pipe()
    return Connection(r, writable=False), Connection(w, readable=False)


def wait(object_list, timeout=None):
    """The objects of object_list (connections, or anything with fileno(),
    or fds) that are ready to be read."""
    by_fd = {}
    for obj in object_list:
        fd = obj if isinstance(obj, int) else obj.fileno()
        by_fd[fd] = obj
    ready = _posix.poll(list(by_fd), timeout)
    return [by_fd[fd] for fd in ready]
