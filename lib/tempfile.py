"""Temporary files and directories (CPython's tempfile, simplified)."""

import os as _os
import random as _random_module

__all__ = ['NamedTemporaryFile', 'TemporaryFile', 'TemporaryDirectory', 'mkstemp', 'mkdtemp',
           'mktemp', 'gettempdir', 'gettempprefix', 'TMP_MAX', 'template']

TMP_MAX = 10000
template = 'tmp'
tempdir = None

_characters = 'abcdefghijklmnopqrstuvwxyz0123456789_'
_rng = None


def _random_name():
    global _rng
    if _rng is None:
        _rng = _random_module.Random()
    return ''.join(_rng.choice(_characters) for _ in range(8))


def gettempprefix():
    return template


def gettempdir():
    global tempdir
    if tempdir is None:
        for envname in ('TMPDIR', 'TEMP', 'TMP'):
            d = _os.getenv(envname)
            if d and _os.path.isdir(d):
                tempdir = d
                break
        else:
            tempdir = '/tmp'
    return tempdir


def _sanitize(suffix, prefix, dir):
    if suffix is None:
        suffix = ''
    if prefix is None:
        prefix = template
    if dir is None:
        dir = gettempdir()
    return suffix, prefix, dir


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    suffix, prefix, dir = _sanitize(suffix, prefix, dir)
    flags = _os.O_RDWR | _os.O_CREAT | _os.O_EXCL
    for _ in range(TMP_MAX):
        file = _os.path.join(dir, prefix + _random_name() + suffix)
        try:
            fd = _os.open(file, flags, 0o600)
        except FileExistsError:
            continue
        return fd, _os.path.abspath(file)
    raise FileExistsError('No usable temporary file name found')


def mkdtemp(suffix=None, prefix=None, dir=None):
    suffix, prefix, dir = _sanitize(suffix, prefix, dir)
    for _ in range(TMP_MAX):
        file = _os.path.join(dir, prefix + _random_name() + suffix)
        try:
            _os.mkdir(file, 0o700)
        except FileExistsError:
            continue
        return _os.path.abspath(file)
    raise FileExistsError('No usable temporary directory name found')


def mktemp(suffix='', prefix=template, dir=None):
    if dir is None:
        dir = gettempdir()
    for _ in range(TMP_MAX):
        file = _os.path.join(dir, prefix + _random_name() + suffix)
        if not _os.path.exists(file):
            return file
    raise FileExistsError('No usable temporary filename found')


def _rmtree(path):
    for name in _os.listdir(path):
        full = _os.path.join(path, name)
        if _os.path.isdir(full) and not _os.path.islink(full):
            _rmtree(full)
        else:
            _os.remove(full)
    _os.rmdir(path)


class TemporaryDirectory:
    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors

    def __repr__(self):
        return f'<{self.__class__.__name__} {self.name!r}>'

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if _os.path.exists(self.name):
            try:
                _rmtree(self.name)
            except OSError:
                if not self._ignore_cleanup_errors:
                    raise


class _TemporaryFileWrapper:
    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete

    def __getattr__(self, name):
        return getattr(self.file, name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        result = self.file.__exit__(exc, value, tb)
        self.close()
        return result

    def close(self):
        if not self.file.closed:
            self.file.close()
        if self.delete and _os.path.exists(self.name):
            _os.unlink(self.name)

    def __iter__(self):
        return iter(self.file)

    def write(self, s):
        return self.file.write(s)

    def read(self, *args):
        return self.file.read(*args)

    def seek(self, *args):
        return self.file.seek(*args)

    def tell(self):
        return self.file.tell()

    def flush(self):
        return self.file.flush()

    @property
    def closed(self):
        return self.file.closed


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None,
                       prefix=None, dir=None, delete=True, *, errors=None):
    fd, name = mkstemp(suffix, prefix, dir)
    _os.close(fd)
    file = open(name, mode.replace('w', 'r') if '+' in mode else mode, encoding=encoding)
    if 'w' in mode:
        file.truncate(0)
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None, prefix=None,
                  dir=None, *, errors=None):
    fd, name = mkstemp(suffix, prefix, dir)
    _os.close(fd)
    file = open(name, mode.replace('w', 'r') if '+' in mode else mode, encoding=encoding)
    _os.unlink(name)
    return file
