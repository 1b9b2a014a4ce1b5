"""Network sockets: the Python half of the native `_socket` (src/modules/socket.cpp).

As in CPython, the native module has the socket object, the constants and
the name service; this file adds what CPython writes in Python: the
AddressFamily/SocketKind/MsgFlag/AddressInfo enums, the socket class with
accept(), dup(), makefile() and the context-manager protocol,
socketpair(), fromfd(), create_connection(), create_server(), getfqdn()
and an enum-returning getaddrinfo().

Trade-off: socket.socket wraps a `_socket.socket` (the `_sock` attribute)
instead of subclassing it, because gilvm classes cannot derive from native
object layouts; each method costs one extra Python call, small next to the
system call behind it. makefile() builds its buffered and text files here
too (lib/io.py has no buffered classes over raw streams yet): they follow
io.BufferedReader/BufferedWriter/BufferedRWPair/TextIOWrapper's behaviour,
not their type names.
"""

import io
import os
import sys

import _socket
from _socket import *
from enum import IntEnum, IntFlag

__all__ = ['fromfd', 'getfqdn', 'create_connection', 'create_server', 'has_dualstack_ipv6',
           'AddressFamily', 'SocketKind', 'SocketIO']
__all__.extend(name for name in dir(_socket) if not name.startswith('_'))

_EBADF = 9
_EAGAIN = 11


def _constants_enum(enum_type, name, prefix):
    """An enum of the _socket constants whose names start with `prefix`,
    which then replace the plain ints in this module (CPython's
    IntEnum._convert_). Aliases keep the first name in value order."""
    found = sorted(((key, value) for key, value in vars(_socket).items()
                    if key.isupper() and key.startswith(prefix)),
                   key=lambda item: (item[1], item[0]))
    cls = enum_type(name, dict(found), module=__name__)
    for key, _ in found:
        globals()[key] = cls[key]
    return cls


AddressFamily = _constants_enum(IntEnum, 'AddressFamily', 'AF_')
SocketKind = _constants_enum(IntEnum, 'SocketKind', 'SOCK_')
MsgFlag = _constants_enum(IntFlag, 'MsgFlag', 'MSG_')
AddressInfo = _constants_enum(IntFlag, 'AddressInfo', 'AI_')
__all__.extend(['MsgFlag', 'AddressInfo'])

_GLOBAL_DEFAULT_TIMEOUT = object()


def _as_enum(value, enum_type):
    """The member of `enum_type` for an int, or the int when it has none."""
    try:
        return enum_type(value)
    except ValueError:
        return value


class socket:
    """A network socket: socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        self._sock = _socket.socket(family, type, proto, fileno)
        # Files from makefile() keep the descriptor open after close():
        # the real close waits for the last of them (CPython's _io_refs).
        self._io_refs = 0
        self._closed = False

    # --- attributes and the protocols

    @property
    def family(self):
        return _as_enum(self._sock.family, AddressFamily)

    @property
    def type(self):
        return _as_enum(self._sock.type, SocketKind)

    @property
    def proto(self):
        return self._sock.proto

    @property
    def timeout(self):
        return self._sock.timeout

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        if not self._closed:
            self.close()

    def __repr__(self):
        cls = self.__class__
        text = '<%s.%s%s fd=%i, family=%s, type=%s, proto=%i' % (
            cls.__module__, cls.__qualname__, ' [closed]' if self._closed else '',
            self.fileno(), self.family, self.type, self.proto)
        if not self._closed:
            for label, query in (('laddr', self.getsockname), ('raddr', self.getpeername)):
                try:
                    where = query()
                except OSError:
                    continue
                if where:
                    text += ', %s=%s' % (label, where)
        return text + '>'

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    # --- the native methods

    def fileno(self):
        return self._sock.fileno()

    def bind(self, *args):
        return self._sock.bind(*args)

    def listen(self, *args):
        return self._sock.listen(*args)

    def connect(self, *args):
        return self._sock.connect(*args)

    def connect_ex(self, *args):
        return self._sock.connect_ex(*args)

    def send(self, *args):
        return self._sock.send(*args)

    def sendall(self, *args):
        return self._sock.sendall(*args)

    def sendto(self, *args):
        return self._sock.sendto(*args)

    def recv(self, *args):
        return self._sock.recv(*args)

    def recv_into(self, *args, **kwargs):
        return self._sock.recv_into(*args, **kwargs)

    def recvfrom(self, *args):
        return self._sock.recvfrom(*args)

    def recvfrom_into(self, *args, **kwargs):
        return self._sock.recvfrom_into(*args, **kwargs)

    def shutdown(self, *args):
        return self._sock.shutdown(*args)

    def getsockname(self):
        return self._sock.getsockname()

    def getpeername(self):
        return self._sock.getpeername()

    def setsockopt(self, *args):
        return self._sock.setsockopt(*args)

    def getsockopt(self, *args):
        return self._sock.getsockopt(*args)

    def settimeout(self, *args):
        return self._sock.settimeout(*args)

    def gettimeout(self):
        return self._sock.gettimeout()

    def setblocking(self, *args):
        return self._sock.setblocking(*args)

    def getblocking(self):
        return self._sock.getblocking()

    def _accept(self):
        return self._sock._accept()

    # --- what CPython's socket.py adds

    def accept(self):
        """accept() -> (socket, address) for the next incoming connection."""
        fd, address = self._sock._accept()
        conn = socket(self.family, self.type, self.proto, fileno=fd)
        # The new descriptor is blocking; with no default timeout it should
        # stay so even when the listening socket has a timeout.
        if getdefaulttimeout() is None and self.gettimeout():
            conn.setblocking(True)
        return conn, address

    def dup(self):
        """A new socket object on a duplicate of the descriptor."""
        copy = self.__class__(self.family, self.type, self.proto, fileno=_socket.dup(self.fileno()))
        copy.settimeout(self.gettimeout())
        return copy

    def detach(self):
        """Gives the descriptor up without closing it; returns it."""
        self._closed = True
        return self._sock.detach()

    def close(self):
        self._closed = True
        if self._io_refs <= 0:
            self._sock.close()

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def makefile(self, mode='r', buffering=None, *, encoding=None, errors=None, newline=None):
        """A file object reading from and/or writing to the socket.

        mode is 'r', 'w' or 'rw' ('b' for binary); the file keeps the
        descriptor open until it is closed, even after socket.close()."""
        if not set(mode) <= {'r', 'w', 'b'}:
            raise ValueError(f'invalid mode {mode!r} (only r, w, b allowed)')
        writing = 'w' in mode
        reading = 'r' in mode or not writing
        binary = 'b' in mode
        raw_mode = ('r' if reading else '') + ('w' if writing else '')
        raw = SocketIO(self, raw_mode)
        self._io_refs += 1
        if buffering is None:
            buffering = -1
        if buffering < 0:
            buffering = io.DEFAULT_BUFFER_SIZE
        if buffering == 0:
            if not binary:
                raise ValueError('unbuffered streams must be binary')
            return raw
        buffer = _BufferedSocketFile(raw, buffering, reading, writing)
        if binary:
            return buffer
        text = _TextSocketFile(buffer, encoding, errors, newline)
        text.mode = mode
        return text

    def sendfile(self, file, offset=0, count=None):
        """Sends a file's bytes (by plain send() calls) and returns the count."""
        if 'b' not in getattr(file, 'mode', 'b'):
            raise ValueError('file should be opened in binary mode')
        if not self.type & SOCK_STREAM:
            raise ValueError('only SOCK_STREAM type sockets are supported')
        if offset:
            file.seek(offset)
        total = 0
        while count is None or total < count:
            want = 8192 if count is None else min(8192, count - total)
            data = file.read(want)
            if not data:
                break
            self.sendall(data)
            total += len(data)
        if total > 0 and hasattr(file, 'seek'):
            file.seek(offset + total)
        return total


SocketType = _socket.socket


def fromfd(fd, family, type, proto=0):
    """A socket object on a duplicate of the descriptor `fd`."""
    return socket(family, type, proto, _socket.dup(fd))


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    """Two connected sockets (AF_UNIX by default)."""
    if family is None:
        family = AF_UNIX
    a, b = _socket.socketpair(family, type, proto)
    return (socket(family, type, proto, a.detach()), socket(family, type, proto, b.detach()))


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """[(family, type, proto, canonname, sockaddr)] for host and port, with
    family and type as enum members."""
    return [(_as_enum(af, AddressFamily), _as_enum(kind, SocketKind), pr, canon, address)
            for af, kind, pr, canon, address in _socket.getaddrinfo(host, port, family, type,
                                                                    proto, flags)]


def getfqdn(name=''):
    """The fully qualified name of `name` (this host when empty): the first
    of its names, from a reverse lookup, that contains a dot."""
    name = name.strip()
    if not name or name in ('0.0.0.0', '::'):
        name = gethostname()
    try:
        primary, aliases, _ = gethostbyaddr(name)
    except OSError:
        return name
    for candidate in [primary] + aliases:
        if '.' in candidate:
            return candidate
    return primary


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, *,
                      all_errors=False):
    """Connects to (host, port), trying each address getaddrinfo gives, and
    returns the socket; raises the last error (all of them, as an
    ExceptionGroup, with all_errors=True)."""
    host, port = address
    errors = []
    for af, kind, proto, _, where in getaddrinfo(host, port, 0, SOCK_STREAM):
        sock = None
        try:
            sock = socket(af, kind, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(where)
            return sock
        except OSError as exc:
            if not all_errors:
                errors.clear()
            errors.append(exc)
            if sock is not None:
                sock.close()
    if not errors:
        raise OSError('getaddrinfo returns an empty list')
    if all_errors:
        raise ExceptionGroup('create_connection failed', errors)
    raise errors[0]


def has_dualstack_ipv6():
    """Whether one AF_INET6 socket can accept both IPv4 and IPv6 connections."""
    if not has_ipv6:
        return False
    try:
        with socket(AF_INET6, SOCK_STREAM) as sock:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)
            return True
    except OSError:
        return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """A TCP socket bound to `address` and listening (SO_REUSEADDR set)."""
    if reuse_port and not hasattr(_socket, 'SO_REUSEPORT'):
        raise ValueError('SO_REUSEPORT not supported on this platform')
    if dualstack_ipv6:
        if not has_dualstack_ipv6():
            raise ValueError('dualstack_ipv6 not supported on this platform')
        if family != AF_INET6:
            raise ValueError('dualstack_ipv6 requires AF_INET6 family')
    sock = socket(family, SOCK_STREAM)
    try:
        try:
            sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        except OSError:
            pass
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if family == AF_INET6:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0 if dualstack_ipv6 else 1)
        try:
            sock.bind(address)
        except OSError as err:
            raise OSError(err.errno, '%s (while attempting to bind on address %r)'
                          % (err.strerror, address)) from None
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except BaseException:
        sock.close()
        raise


# ------------------------------------------------------------ makefile()

class SocketIO(io.RawIOBase):
    """The raw file under makefile(): readinto/write are recv_into/send."""

    def __init__(self, sock, mode):
        if mode not in ('r', 'w', 'rw', 'rb', 'wb', 'rwb'):
            raise ValueError(f'invalid mode: {mode!r}')
        self._sock = sock
        if 'b' not in mode:
            mode += 'b'
        self._mode = mode
        self._reading = 'r' in mode
        self._writing = 'w' in mode
        self._timeout_occurred = False
        self._closed = False

    def _check_closed(self, message='I/O operation on closed file.'):
        if self._closed:
            raise ValueError(message)

    def _check_readable(self):
        self._check_closed()
        if not self._reading:
            raise io.UnsupportedOperation('File or stream is not readable.')
        if self._timeout_occurred:
            raise OSError('cannot read from timed out object')

    def _receive(self, method, arg):
        try:
            return method(arg)
        except timeout:
            self._timeout_occurred = True
            raise
        except BlockingIOError:
            return None

    def readinto(self, b):
        self._check_readable()
        return self._receive(self._sock.recv_into, b)

    def read(self, size=-1):
        if size is None or size < 0:
            return self.readall()
        self._check_readable()
        return self._receive(self._sock.recv, size)

    def readall(self):
        chunks = []
        while True:
            data = self.read(io.DEFAULT_BUFFER_SIZE)
            if data is None:
                return b''.join(chunks) if chunks else None
            if not data:
                return b''.join(chunks)
            chunks.append(data)

    def write(self, b):
        self._check_closed()
        if not self._writing:
            raise io.UnsupportedOperation('File or stream is not writable.')
        try:
            return self._sock.send(b)
        except BlockingIOError:
            return None

    def readable(self):
        self._check_closed('I/O operation on closed socket.')
        return self._reading

    def writable(self):
        self._check_closed('I/O operation on closed socket.')
        return self._writing

    def seekable(self):
        self._check_closed('I/O operation on closed socket.')
        return False

    def isatty(self):
        return False

    def flush(self):
        self._check_closed()

    def fileno(self):
        self._check_closed()
        return self._sock.fileno()

    @property
    def closed(self):
        return self._closed

    @property
    def name(self):
        return -1 if self._closed else self.fileno()

    @property
    def mode(self):
        return self._mode

    def close(self):
        if self._closed:
            return
        self._closed = True
        self._sock._decref_socketios()

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *exc_info):
        self.close()


class _FileProtocol:
    """What the buffered and text files share: iteration, readlines,
    writelines and the context-manager protocol over readline/write/close."""

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *exc_info):
        self.close()

    def seekable(self):
        return False

    def isatty(self):
        return False


class _BufferedSocketFile(_FileProtocol):
    """makefile()'s binary file: a read-ahead buffer and a write buffer of
    `size` bytes over a SocketIO."""

    def __init__(self, raw, size, reading, writing):
        self.raw = raw
        self._size = size
        self._reading = reading
        self._writing = writing
        self._rbuf = b''
        self._rpos = 0
        self._wbuf = bytearray()
        if reading != writing:
            self.mode = raw.mode

    def __repr__(self):
        # CPython's classes' reprs, which programs print.
        if self._reading and self._writing:
            return f'<_io.BufferedRWPair object at {id(self):#x}>'
        kind = 'BufferedReader' if self._reading else 'BufferedWriter'
        return f'<_io.{kind} name={self.name!r}>'

    @property
    def closed(self):
        return self.raw.closed

    @property
    def name(self):
        return self.raw.name

    def fileno(self):
        return self.raw.fileno()

    def readable(self):
        return self._reading

    def writable(self):
        return self._writing

    def _check_closed(self):
        if self.raw.closed:
            raise ValueError('I/O operation on closed file.')

    def _check_read(self, op):
        if not self._reading:
            raise io.UnsupportedOperation(op)
        if self.raw.closed:
            raise ValueError(f'{op} of closed file')

    def _check_write(self, op):
        if not self._writing:
            raise io.UnsupportedOperation(op)
        if self.raw.closed:
            raise ValueError(f'{op} to closed file' if op == 'write' else f'{op} of closed file')

    # --- reading

    def _buffered(self):
        return len(self._rbuf) - self._rpos

    def _fill(self, want):
        """Reads once more from the socket; False at end of file (or when a
        non-blocking socket has nothing)."""
        data = self.raw.read(max(want, self._size))
        if not data:
            return False
        self._rbuf = self._rbuf[self._rpos:] + data if self._rpos < len(self._rbuf) else data
        self._rpos = 0
        return True

    def _take(self, n):
        data = self._rbuf[self._rpos:self._rpos + n]
        self._rpos += len(data)
        return data

    def read(self, size=-1):
        self._check_read('read')
        if size is None or size < 0:
            chunks = [self._take(self._buffered())]
            while True:
                data = self.raw.read(max(self._size, 65536))
                if not data:
                    break
                chunks.append(data)
            return b''.join(chunks)
        while self._buffered() < size and self._fill(size - self._buffered()):
            pass
        return self._take(size)

    def read1(self, size=-1):
        self._check_read('read1')
        if self._buffered() == 0:
            data = self.raw.read(self._size if size is None or size < 0 else size)
            return data or b''
        return self._take(self._buffered() if size is None or size < 0 else size)

    def peek(self, size=0):
        self._check_read('peek')
        if self._buffered() == 0:
            self._fill(self._size)
        return self._rbuf[self._rpos:]

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        self._check_read('readline')
        if size is None:
            size = -1
        scanned = self._rpos
        while True:
            end = self._rbuf.find(b'\n', scanned)
            if end >= 0:
                end += 1
                break
            if 0 <= size <= self._buffered():
                end = self._rpos + size
                break
            scanned = len(self._rbuf) - self._rpos
            if not self._fill(self._size):
                end = len(self._rbuf)
                break
        n = end - self._rpos
        return self._take(n if size < 0 else min(n, size))

    # --- writing

    def write(self, b):
        self._check_write('write')
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        self._wbuf += b
        if len(self._wbuf) >= self._size:
            self._flush_buffer()
        return len(b)

    def _flush_buffer(self):
        while self._wbuf:
            n = self.raw.write(self._wbuf)
            if n is None:
                raise BlockingIOError(_EAGAIN, 'write could not complete without blocking')
            del self._wbuf[:n]

    def flush(self):
        if self._writing:
            self._check_write('flush')
            self._flush_buffer()

    def close(self):
        if self.raw.closed:
            return
        try:
            if self._writing:
                self._flush_buffer()
        finally:
            self.raw.close()


class _TextSocketFile(_FileProtocol):
    """makefile()'s text file: decodes and encodes over a buffered file,
    with TextIOWrapper's newline rules (None: '\\r\\n' and '\\r' read as
    '\\n'; '': lines end at any of them, untranslated; otherwise that
    string ends lines and '\\n' is written as it)."""

    def __init__(self, buffer, encoding, errors, newline):
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError(f'illegal newline value: {newline!r}')
        self.buffer = buffer
        self.encoding = encoding or 'UTF-8'
        self.errors = errors or 'strict'
        self._newline = newline
        self._codec = self.encoding.lower().replace('_', '-')
        self._pending = b''      # bytes of a character not yet complete
        self._held_cr = False    # a final '\r' waiting to see if '\n' follows
        self._text = ''
        self._tpos = 0
        self._eof = False

    def __repr__(self):
        mode = getattr(self, 'mode', None)
        return '<_io.TextIOWrapper name=%r%s encoding=%r>' % (
            self.name, '' if mode is None else ' mode=%r' % mode, self.encoding)

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def name(self):
        return self.buffer.name

    @property
    def newlines(self):
        return None

    @property
    def line_buffering(self):
        return False

    def fileno(self):
        return self.buffer.fileno()

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def _check_closed(self):
        if self.buffer.closed:
            raise ValueError('I/O operation on closed file.')

    # --- reading

    def _complete_prefix(self, data):
        """How many bytes of `data` form whole characters (UTF-8 may end
        inside one; the single-byte codecs never do)."""
        if self._codec not in ('utf-8', 'utf8'):
            return len(data)
        n = len(data)
        for back in range(1, min(4, n) + 1):
            byte = data[n - back]
            if byte & 0xC0 != 0x80:
                need = 4 if byte >= 0xF0 else 3 if byte >= 0xE0 else 2 if byte >= 0xC0 else 1
                return n - back if need > back else n
        return n

    def _fill(self):
        """Decodes one more chunk into the text buffer; False at end of file."""
        if self._eof:
            return False
        data = self.buffer.read1(self.buffer._size)
        if data:
            data = self._pending + data
            cut = self._complete_prefix(data)
            self._pending = data[cut:]
            chunk = data[:cut].decode(self._codec, self.errors)
        else:
            self._eof = True
            chunk = self._pending.decode(self._codec, self.errors)
            self._pending = b''
        if self._held_cr:
            chunk = '\r' + chunk
            self._held_cr = False
        if self._newline in (None, '', '\r\n') and chunk.endswith('\r') and not self._eof:
            chunk = chunk[:-1]
            self._held_cr = True
        if self._newline is None:
            chunk = chunk.replace('\r\n', '\n').replace('\r', '\n')
        self._text = self._text[self._tpos:] + chunk
        self._tpos = 0
        return bool(data) or bool(chunk)

    def _line_end(self, start):
        """The index just past the first line ending at or after `start`, or -1."""
        text = self._text
        if self._newline == '':
            cr = text.find('\r', start)
            lf = text.find('\n', start)
            if cr < 0 and lf < 0:
                return -1
            if cr < 0 or 0 <= lf < cr:
                return lf + 1
            return cr + 2 if text.startswith('\n', cr + 1) else cr + 1
        ending = '\n' if self._newline is None else self._newline
        found = text.find(ending, start)
        return -1 if found < 0 else found + len(ending)

    def read(self, size=-1):
        self._check_closed()
        if not self.readable():
            raise io.UnsupportedOperation('not readable')
        if size is None or size < 0:
            while self._fill():
                pass
            size = len(self._text) - self._tpos
        else:
            while len(self._text) - self._tpos < size and self._fill():
                pass
        result = self._text[self._tpos:self._tpos + size]
        self._tpos += len(result)
        return result

    def readline(self, size=-1):
        self._check_closed()
        if not self.readable():
            raise io.UnsupportedOperation('not readable')
        if size is None:
            size = -1
        while True:
            end = self._line_end(self._tpos)
            if end >= 0:
                break
            if 0 <= size <= len(self._text) - self._tpos:
                end = self._tpos + size
                break
            if not self._fill():
                end = len(self._text)
                break
        if size >= 0:
            end = min(end, self._tpos + size)
        line = self._text[self._tpos:end]
        self._tpos = end
        return line

    # --- writing

    def write(self, s):
        self._check_closed()
        if not self.writable():
            raise io.UnsupportedOperation('not writable')
        if not isinstance(s, str):
            raise TypeError(f'write() argument must be str, not {type(s).__name__}')
        text = s.replace('\n', self._newline) if self._newline in ('\r', '\r\n') else s
        self.buffer.write(text.encode(self._codec, self.errors))
        return len(s)

    def flush(self):
        self._check_closed()
        self.buffer.flush()

    def close(self):
        if not self.buffer.closed:
            try:
                if self.writable():
                    self.buffer.flush()
            finally:
                self.buffer.close()
