"""Operating-system interface: the POSIX calls of the native `_os`, plus
os.environ, os.stat_result, makedirs, walk and os.path (posixpath)."""

import sys
import _os
from _os import (getpid, kill, getppid, getuid, getcwd, chdir, remove, unlink, rmdir, mkdir, rename,
                 replace, listdir, access, cpu_count, urandom, _exit, system, strerror, isatty,
                 open, close, read, write, putenv, unsetenv,
                 O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND,
                 F_OK, R_OK, W_OK, X_OK, SEEK_SET, SEEK_CUR, SEEK_END)
from _posix import (fork, waitpid, pipe, waitstatus_to_exitcode, WIFEXITED, WEXITSTATUS,
                    WIFSIGNALED, WTERMSIG, WNOHANG)
import posixpath as path

name = 'posix'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
devnull = '/dev/null'
defpath = '/bin:/usr/bin'

error = OSError

sys.modules['os.path'] = path


class stat_result:
    """The result of os.stat: a 10-item sequence with st_* attributes.

    A plain class rather than a tuple subclass: the float times ride along
    as attributes, which gilvm's tuple subclasses cannot carry."""

    n_sequence_fields = 10
    _names = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size',
              'st_atime', 'st_mtime', 'st_ctime')

    def __init__(self, raw):
        self._seq = tuple(raw[:10])
        (self.st_mode, self.st_ino, self.st_dev, self.st_nlink, self.st_uid, self.st_gid,
         self.st_size) = raw[:7]
        self.st_atime, self.st_mtime, self.st_ctime = raw[10:13]
        self.st_atime_ns = int(raw[10] * 1e9)
        self.st_mtime_ns = int(raw[11] * 1e9)
        self.st_ctime_ns = int(raw[12] * 1e9)

    def __getitem__(self, i):
        return self._seq[i]

    def __len__(self):
        return 10

    def __iter__(self):
        return iter(self._seq)

    def __eq__(self, other):
        if isinstance(other, stat_result):
            return self._seq == other._seq
        return self._seq == other

    def __hash__(self):
        return hash(self._seq)

    def __repr__(self):
        return 'os.stat_result(' + ', '.join(
            '%s=%r' % (n, v) for n, v in zip(self._names, self._seq)) + ')'


def _make_stat(raw):
    return stat_result(raw)


def stat(path, *, follow_symlinks=True):
    return _make_stat(_os.stat(path, follow_symlinks))


def lstat(path):
    return _make_stat(_os.stat(path, False))


def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    method = getattr(type(path), '__fspath__', None)
    if method is None:
        raise TypeError('expected str, bytes or os.PathLike object, not ' + type(path).__name__)
    return method(path)


def fdopen(fd, mode="r", buffering=-1, **kwargs):
    """A file object over descriptor `fd`: open(fd, ...), which it checks is an int."""
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import builtins
    return builtins.open(fd, mode, buffering, **kwargs)


class _Environ(dict):
    """os.environ: a dict of str whose changes reach the process environment."""

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError('str expected, not ' + type(key).__name__)
        if not isinstance(value, str):
            raise TypeError('str expected, not ' + type(value).__name__)
        putenv(key, value)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        unsetenv(key)
        dict.__delitem__(self, key)

    def pop(self, key, *default):
        if key in self:
            unsetenv(key)
        return dict.pop(self, key, *default)

    def setdefault(self, key, value=None):
        if key not in self:
            self[key] = value
        return self[key]

    def update(self, other=(), **kwds):
        for k, v in dict(other, **kwds).items():
            self[k] = v

    def clear(self):
        for k in list(self):
            unsetenv(k)
        dict.clear(self)

    def copy(self):
        return dict(self)

    def __repr__(self):
        return 'environ(' + dict.__repr__(self) + ')'


environ = _Environ(_os._environ())


def getenv(key, default=None):
    return environ.get(key, default)


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)


def walk(top, topdown=True, onerror=None, followlinks=False):
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs = []
    nondirs = []
    for name in names:
        full = path.join(top, name)
        if path.isdir(full):
            dirs.append(name)
        else:
            nondirs.append(name)
    if topdown:
        yield top, dirs, nondirs
        for name in dirs:
            new_path = path.join(top, name)
            if followlinks or not path.islink(new_path):
                yield from walk(new_path, topdown, onerror, followlinks)
    else:
        for name in dirs:
            new_path = path.join(top, name)
            if followlinks or not path.islink(new_path):
                yield from walk(new_path, topdown, onerror, followlinks)
        yield top, dirs, nondirs


def scandir(path='.'):
    raise NotImplementedError('os.scandir is not available in gilvm')


def get_terminal_size(fd=1):
    columns = int(environ.get('COLUMNS', 80))
    lines = int(environ.get('LINES', 24))
    return (columns, lines)
