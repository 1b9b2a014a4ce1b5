"""In-memory streams (StringIO, BytesIO) and the built-in open().

StringIO and BytesIO are written in Python over a str/bytearray buffer;
file objects come from the native open() (runtime/fileio.cpp).
"""

__all__ = ['open', 'StringIO', 'BytesIO', 'UnsupportedOperation', 'SEEK_SET', 'SEEK_CUR',
           'SEEK_END', 'DEFAULT_BUFFER_SIZE', 'TextIOWrapper', 'BufferedReader',
           'BufferedWriter', 'BufferedRandom', 'FileIO', 'IOBase', 'TextIOBase', 'BufferedIOBase', 'RawIOBase']

open = open
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

_native = open.__self__
TextIOWrapper = _native.TextIOWrapper
BufferedReader = _native.BufferedReader
BufferedWriter = _native.BufferedWriter
BufferedRandom = _native.BufferedRandom
FileIO = _native.FileIO


class UnsupportedOperation(OSError):
    # CPython's also derives from ValueError; gilvm cannot combine two
    # exception bases yet.
    pass


class IOBase:
    pass


class TextIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class RawIOBase(IOBase):
    pass


class _MemoryIO:
    """The logic StringIO and BytesIO share: a list of chunks joined lazily
    into one value, a position, and the file-object protocol."""

    _empty = ''

    def __init__(self, initial):
        self._value = initial
        self._pos = 0
        self._closed = False

    def _check(self):
        if self._closed:
            raise ValueError('I/O operation on closed file.')

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def getvalue(self):
        self._check()
        return self._value

    def read(self, size=-1):
        self._check()
        value = self._value
        start = self._pos
        if size is None or size < 0:
            end = len(value)
        else:
            end = min(len(value), start + size)
        self._pos = max(end, start)
        return value[start:end]

    def readline(self, size=-1):
        self._check()
        value = self._value
        start = self._pos
        nl = value.find(self._newline, start)
        end = len(value) if nl < 0 else nl + 1
        if size is not None and size >= 0:
            end = min(end, start + size)
        end = max(end, start)
        self._pos = end
        return value[start:end]

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def write(self, s):
        self._check()
        s = self._coerce(s)
        n = len(s)
        if not n:
            return 0
        value = self._value
        pos = self._pos
        if pos == len(value):
            self._value = value + s
        elif pos > len(value):
            self._value = value + self._pad * (pos - len(value)) + s
        else:
            self._value = value[:pos] + s + value[pos + n:]
        self._pos = pos + n
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError(f'Negative seek position {pos}')
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._value) + pos)
        else:
            raise ValueError(f'Invalid whence ({whence}, should be 0, 1 or 2)')
        return self._pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(f'Negative size value {size}')
        self._value = self._value[:size]
        return size

    def flush(self):
        self._check()

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return False

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()


class StringIO(_MemoryIO, TextIOBase):
    _newline = '\n'
    _pad = '\0'

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError(f'initial_value must be str or None, not {type(initial_value).__name__}')
        _MemoryIO.__init__(self, initial_value)

    def _coerce(self, s):
        if not isinstance(s, str):
            raise TypeError(f'string argument expected, got {type(s).__name__!r}')
        return s

    def __repr__(self):
        return f'<_io.StringIO object at {hex(id(self))}>'


class BytesIO(_MemoryIO, BufferedIOBase):
    _newline = b'\n'
    _pad = b'\0'

    def __init__(self, initial_bytes=b''):
        if initial_bytes is None:
            initial_bytes = b''
        _MemoryIO.__init__(self, bytes(initial_bytes))

    def _coerce(self, s):
        if isinstance(s, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        return bytes(s)

    def getbuffer(self):
        return bytearray(self._value)

    def read1(self, size=-1):
        return self.read(size)

    def __repr__(self):
        return f'<_io.BytesIO object at {hex(id(self))}>'
