"""Value and Array: C numbers in memory shared by forked processes
(src/modules/shared_memory.cpp), with a lock for read-modify-write.

Typecodes are the array module's ('i', 'd', 'q', ...); reprs follow the
ctypes types CPython would use ('i' is c_int)."""

import _shared_memory

from multiprocessing import synchronize

__all__ = ['RawValue', 'RawArray', 'Value', 'Array']

_CTYPE_NAMES = {'b': 'c_byte', 'B': 'c_ubyte', 'h': 'c_short', 'H': 'c_ushort', 'i': 'c_int',
                'I': 'c_uint', 'l': 'c_long', 'L': 'c_ulong', 'q': 'c_long', 'Q': 'c_ulong',
                'f': 'c_float', 'd': 'c_double'}


def _check_typecode(typecode):
    if not isinstance(typecode, str):
        raise TypeError('typecode must be a str (ctypes types are not available in gilvm)')
    if typecode not in _CTYPE_NAMES:
        raise TypeError('unsupported typecode %r' % (typecode,))


class _RawValue:
    """One shared C number (what RawValue and Value(lock=False) return)."""

    def __init__(self, typecode, value):
        _check_typecode(typecode)
        self._typecode = typecode
        self._mem = _shared_memory.SharedArray(typecode, 1)
        self._mem.set(0, value)

    @property
    def value(self):
        return self._mem.get(0)

    @value.setter
    def value(self, v):
        self._mem.set(0, v)

    def __repr__(self):
        return '%s(%r)' % (_CTYPE_NAMES[self._typecode], self._mem.get(0))

    def __reduce__(self):
        raise RuntimeError('%s objects should only be shared between processes through inheritance'
                           % _CTYPE_NAMES[self._typecode])


class _RawArray:
    """A fixed-size shared array of C numbers."""

    def __init__(self, typecode, size_or_initializer):
        _check_typecode(typecode)
        self._typecode = typecode
        if isinstance(size_or_initializer, int):
            self._mem = _shared_memory.SharedArray(typecode, size_or_initializer)
        else:
            items = list(size_or_initializer)
            self._mem = _shared_memory.SharedArray(typecode, len(items))
            for i, v in enumerate(items):
                self._mem.set(i, v)

    def __len__(self):
        return len(self._mem)

    def _index(self, i):
        n = len(self._mem)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError('invalid index')
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            mem = self._mem
            return [mem.get(k) for k in range(*i.indices(len(mem)))]
        return self._mem.get(self._index(i))

    def __setitem__(self, i, value):
        if isinstance(i, slice):
            indices = range(*i.indices(len(self._mem)))
            values = list(value)
            if len(values) != len(indices):
                raise ValueError('Can only assign sequence of same size')
            for k, v in zip(indices, values):
                self._mem.set(k, v)
            return
        self._mem.set(self._index(i), value)

    def __iter__(self):
        mem = self._mem
        for k in range(len(mem)):
            yield mem.get(k)

    def __repr__(self):
        return '<multiprocessing.sharedctypes.%s_Array_%d object at %#x>' % (
            _CTYPE_NAMES[self._typecode], len(self._mem), id(self))

    def __reduce__(self):
        raise RuntimeError('%s_Array_%d objects should only be shared between processes through '
                           'inheritance' % (_CTYPE_NAMES[self._typecode], len(self._mem)))


def RawValue(typecode_or_type, *args):
    return _RawValue(typecode_or_type, args[0] if args else 0)


def RawArray(typecode_or_type, size_or_initializer):
    return _RawArray(typecode_or_type, size_or_initializer)


class _Synchronized:

    def __init__(self, obj, lock):
        self._obj = obj
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __reduce__(self):
        raise RuntimeError('Synchronized objects should only be shared between processes through '
                           'inheritance')


class Synchronized(_Synchronized):

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v

    def __repr__(self):
        return '<Synchronized wrapper for %r>' % (self._obj,)


class SynchronizedArray(_Synchronized):

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self._lock:
            self._obj[i] = value

    def __iter__(self):
        return iter(self[:])

    def __repr__(self):
        return '<SynchronizedArray wrapper for %r>' % (self._obj,)


def _make_lock(lock):
    if lock is True or lock is None:
        return synchronize.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return lock


def Value(typecode_or_type, *args, lock=True):
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    return Synchronized(obj, _make_lock(lock))


def Array(typecode_or_type, size_or_initializer, *, lock=True):
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    return SynchronizedArray(obj, _make_lock(lock))
