"""Serialization of Python objects to bytes: what multiprocessing sends
between processes (pool tasks and results, Queue and Pipe messages).

The API is pickle's (dumps, loads, dump, load, PicklingError, ...) and so
are the rules for what can be serialized: None, bools, ints of any size,
floats, str, bytes, bytearray, tuples, lists, dicts, sets,
frozensets, ranges; classes and functions by module-qualified name; instances
of classes defined at module level by class name and attribute dict
(honouring __reduce__, __getstate__ and __setstate__); exceptions by class and
args. The byte format is gilvm's own, not CPython's pickle protocol: the two
runtimes never exchange pickles, and a self-describing text-ish format is
simpler to read and to check. Shared and recursive structures keep their
shape: a list, dict, set or instance met twice is written once and
referenced after that.

Errors match CPython's where a program might look at them: TypeError
"cannot pickle 'generator' object" for objects with no serialized form,
PicklingError for functions that cannot be found again by name (a lambda),
AttributeError "Can't pickle local object" for functions and classes
defined inside a function.
"""

import sys

__all__ = ['dumps', 'loads', 'dump', 'load', 'PickleError', 'PicklingError', 'UnpicklingError',
           'HIGHEST_PROTOCOL', 'DEFAULT_PROTOCOL']

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


PickleError.__module__ = '_pickle'
PicklingError.__module__ = '_pickle'
UnpicklingError.__module__ = '_pickle'

_ModuleType = type(sys)
_FunctionType = type(lambda: None)
_BuiltinType = type(len)


def _method_probe():
    class Probe:
        def method(self):
            pass
    return type(Probe().method)


_MethodType = _method_probe()

# Native types whose gilvm name lacks the module CPython shows in
# "cannot pickle '...' object".
_NATIVE_NAMES = {'lock': '_thread.lock', 'RLock': '_thread.RLock',
                 'TextIOWrapper': '_io.TextIOWrapper', 'BufferedReader': '_io.BufferedReader',
                 'BufferedWriter': '_io.BufferedWriter'}

# Exact built-in types written by their own tag; a subclass of one of these
# is written as an instance of its class carrying the built-in value.
_BUILTIN_BASES = (list, dict, set, frozenset, tuple, int, float, str, bytes)


def _native_name(obj):
    cls = type(obj)
    name = cls.__name__
    module = getattr(cls, '__module__', 'builtins')
    if name in _NATIVE_NAMES:
        return _NATIVE_NAMES[name]
    if module and module != 'builtins':
        return module + '.' + name
    return name


def _lookup(module, qualname):
    mod = sys.modules.get(module)
    if mod is None:
        __import__(module)
        mod = sys.modules[module]
    obj = mod
    for part in qualname.split('.'):
        obj = getattr(obj, part)
    return obj


def _which_module(obj, module, name):
    """The module that holds built-in function obj: gilvm's native functions
    do not all know their module, so sys.modules is searched (as pickle's
    whichmodule does for objects without __module__)."""
    mod = sys.modules.get(module)
    if mod is not None and getattr(mod, name, None) is obj:
        return module
    for mod_name, mod in list(sys.modules.items()):
        if mod is not None and getattr(mod, name, None) is obj:
            return mod_name
    return module


class _Writer:

    def __init__(self):
        self.out = []
        self.memo = {}       # id(obj) -> index, for objects that may be shared
        self.keep = []       # keeps memoized objects alive so ids stay unique

    def count(self, tag, n):
        self.out.append(tag + str(n).encode() + b':')

    def text(self, tag, s):
        data = s.encode('utf-8', 'surrogatepass')
        self.out.append(tag + str(len(data)).encode() + b':')
        self.out.append(data)

    def remember(self, obj):
        """True when obj was written before (a reference is written)."""
        key = id(obj)
        index = self.memo.get(key)
        if index is not None:
            self.out.append(b'R' + str(index).encode() + b';')
            return True
        self.memo[key] = len(self.memo)
        self.keep.append(obj)
        return False

    def save(self, obj):
        t = type(obj)
        if obj is None:
            self.out.append(b'N')
        elif obj is True:
            self.out.append(b'T')
        elif obj is False:
            self.out.append(b'F')
        elif t is int:
            self.out.append(b'I' + str(obj).encode() + b';')
        elif t is float:
            self.out.append(b'D' + repr(obj).encode() + b';')
        elif t is str:
            self.text(b'S', obj)
        elif t is bytes:
            self.count(b'B', len(obj))
            self.out.append(obj)
        elif t is tuple:
            self.count(b'(', len(obj))
            for item in obj:
                self.save(item)
        elif t is list:
            if self.remember(obj):
                return
            self.count(b'[', len(obj))
            for item in obj:
                self.save(item)
        elif t is dict:
            if self.remember(obj):
                return
            self.count(b'{', len(obj))
            for key, value in obj.items():
                self.save(key)
                self.save(value)
        elif t is set or t is frozenset:
            if self.remember(obj):
                return
            self.count(b'<' if t is set else b'>', len(obj))
            for item in obj:
                self.save(item)
        elif t is bytearray:
            self.count(b'Y', len(obj))
            self.out.append(bytes(obj))
        elif t is range:
            if self.remember(obj):
                return
            self.out.append(b'U')
            self.save_reduce(range, (obj.start, obj.stop, obj.step), None)
        elif t is type or isinstance(obj, type):
            self.save_global(obj)
        elif t is _FunctionType or t is _BuiltinType:
            self.save_global(obj)
        elif t is _MethodType:
            self.out.append(b'M')
            self.save(obj.__self__)
            self.save(obj.__func__.__name__)
        elif t is _ModuleType:
            raise TypeError("cannot pickle 'module' object")
        else:
            self.save_instance(obj)

    def save_global(self, obj):
        module = getattr(obj, '__module__', None)
        qualname = getattr(obj, '__qualname__', None) or getattr(obj, '__name__', None)
        if qualname is None or module is None:
            raise PicklingError("Can't pickle %r: it has no name" % (obj,))
        if '<locals>' in qualname:
            raise AttributeError("Can't pickle local object %r" % qualname)
        if type(obj) is _BuiltinType:
            module = _which_module(obj, module, qualname)
        try:
            found = _lookup(module, qualname)
        except (ImportError, KeyError, AttributeError):
            raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed"
                                % (obj, qualname, module)) from None
        if found is not obj:
            raise PicklingError("Can't pickle %r: it's not the same object as %s.%s"
                                % (obj, module, qualname))
        self.out.append(b'G')
        self.text(b'S', module)
        self.text(b'S', qualname)

    def save_reduce(self, func, args, state):
        self.save(func)
        self.save(tuple(args))
        self.save(state)

    def save_instance(self, obj):
        cls = type(obj)
        reduce = getattr(cls, '__reduce__', None)
        if reduce is not None and reduce is not getattr(object, '__reduce__', None):
            # A class that says how it is rebuilt: (callable, args[, state]).
            rv = obj.__reduce__()
            if type(rv) is not tuple or not 2 <= len(rv) <= 3:
                raise PicklingError("__reduce__ must return a tuple of 2 or 3 items")
            if self.remember(obj):
                return
            self.out.append(b'U')
            self.save_reduce(rv[0], rv[1], rv[2] if len(rv) > 2 else None)
            return
        if isinstance(obj, BaseException):
            if self.remember(obj):
                return
            self.out.append(b'E')
            self.save_global(cls)
            self.save(tuple(obj.args))
            self.save(dict(getattr(obj, '__dict__', None) or {}))
            return
        if not hasattr(obj, '__dict__'):
            raise TypeError("cannot pickle %r object" % _native_name(obj))
        if self.remember(obj):
            return
        base_value = None
        for base in _BUILTIN_BASES:
            if isinstance(obj, base):
                base_value = base(obj)
                break
        getstate = getattr(cls, '__getstate__', None)
        if getstate is not None and getstate is not getattr(object, '__getstate__', None):
            state = obj.__getstate__()
        else:
            state = obj.__dict__
        self.out.append(b'O' if base_value is None else b'X')
        self.save_global(cls)
        if base_value is not None:
            self.save(base_value)
        self.save(state)


class _Reader:

    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.memo = []

    def number(self, end):
        data = self.data
        stop = data.index(end, self.pos)
        text = data[self.pos:stop]
        self.pos = stop + 1
        return text

    def length(self):
        return int(self.number(b':'))

    def chunk(self, n):
        start = self.pos
        self.pos += n
        if self.pos > len(self.data):
            raise UnpicklingError("pickle data was truncated")
        return self.data[start:self.pos]

    def load(self):
        if self.pos >= len(self.data):
            raise UnpicklingError("pickle data was truncated")
        tag = self.data[self.pos]
        self.pos += 1
        if tag == 78:    # N
            return None
        if tag == 84:    # T
            return True
        if tag == 70:    # F
            return False
        if tag == 73:    # I
            return int(self.number(b';'))
        if tag == 68:    # D
            return float(self.number(b';').decode())
        if tag == 83:    # S
            return self.chunk(self.length()).decode('utf-8', 'surrogatepass')
        if tag == 66:    # B
            return self.chunk(self.length())
        if tag == 89:    # Y
            return bytearray(self.chunk(self.length()))
        if tag == 40:    # (
            n = self.length()
            return tuple([self.load() for _ in range(n)])
        if tag == 91:    # [
            n = self.length()
            result = []
            self.memo.append(result)
            for _ in range(n):
                result.append(self.load())
            return result
        if tag == 123:   # {
            n = self.length()
            result = {}
            self.memo.append(result)
            for _ in range(n):
                key = self.load()
                result[key] = self.load()
            return result
        if tag == 60 or tag == 62:   # < set, > frozenset
            n = self.length()
            index = len(self.memo)
            self.memo.append(None)
            items = [self.load() for _ in range(n)]
            result = set(items) if tag == 60 else frozenset(items)
            self.memo[index] = result
            return result
        if tag == 82:    # R
            return self.memo[int(self.number(b';'))]
        if tag == 71:    # G
            module = self.load()
            qualname = self.load()
            try:
                return _lookup(module, qualname)
            except (ImportError, KeyError, AttributeError):
                raise AttributeError("Can't get attribute %r on <module %r>"
                                     % (qualname, module)) from None
        if tag == 77:    # M
            obj = self.load()
            return getattr(obj, self.load())
        if tag == 85:    # U
            index = len(self.memo)
            self.memo.append(None)
            func = self.load()
            args = self.load()
            state = self.load()
            obj = func(*args)
            self.memo[index] = obj
            if state is not None:
                _set_state(obj, state)
            return obj
        if tag == 69:    # E
            index = len(self.memo)
            self.memo.append(None)
            cls = self.load()
            args = self.load()
            try:
                exc = cls(*args)
            except Exception:
                exc = cls.__new__(cls)
                exc.args = args
            self.memo[index] = exc
            attrs = self.load()
            for key, value in attrs.items():
                setattr(exc, key, value)
            return exc
        if tag == 79 or tag == 88:   # O instance, X instance of a built-in subclass
            index = len(self.memo)
            self.memo.append(None)
            cls = self.load()
            if tag == 88:
                base_value = self.load()
                if isinstance(base_value, (list, dict, set)):
                    obj = cls.__new__(cls)
                    if isinstance(base_value, dict):
                        obj.update(base_value)
                    elif isinstance(base_value, list):
                        obj.extend(base_value)
                    else:
                        obj.update(base_value)
                else:
                    obj = cls.__new__(cls, base_value)
            else:
                obj = cls.__new__(cls)
            self.memo[index] = obj
            _set_state(obj, self.load())
            return obj
        raise UnpicklingError("invalid load key, %r." % chr(tag))


def _set_state(obj, state):
    setstate = getattr(obj, '__setstate__', None)
    if setstate is not None and getattr(type(obj), '__setstate__', None) is not None:
        setstate(state)
    elif state:
        obj.__dict__.update(state)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    writer = _Writer()
    writer.save(obj)
    return b''.join(writer.out)


def loads(data, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=None):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    reader = _Reader(bytes(data))
    obj = reader.load()
    return obj


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    file.write(dumps(obj, protocol))


def load(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=None):
    return loads(file.read())
