"""Support for type hints (gilvm's own, runtime-light implementation).

Interpreter limits this module works around:
* functions keep no __annotations__ (module and class bodies do), so
  get_type_hints() of a function is empty.
* no __mro_entries__: Generic[T] / Protocol[T] evaluate to the plain
  Generic / Protocol class so they can be used as bases.
"""

import sys as _sys
import collections as _collections

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, type(_type_repr)):
        return obj.__name__
    return repr(obj)


def _type_check(arg):
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


class ForwardRef:
    def __init__(self, arg):
        if not isinstance(arg, str):
            raise TypeError(f'Forward reference must be a string -- got {arg!r}')
        self.__forward_arg__ = arg

    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'

    def __eq__(self, other):
        return isinstance(other, ForwardRef) and self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def _evaluate(self, globalns, localns=None):
        return eval(self.__forward_arg__, globalns or {}, localns)


class _Final:
    def __init_subclass__(cls, *args, **kwds):
        super().__init_subclass__()


class _SpecialForm(_Final):
    def __init__(self, name, getitem=None, doc=''):
        self._name = name
        self._getitem = getitem
        self.__doc__ = doc

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f'Cannot instantiate {self!r}')

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(f'{self} is not subscriptable')
        return self._getitem(self, parameters)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _GenericAlias(_Final):
    """A subscripted generic: List[int], Dict[str, int], MyGeneric[T], ..."""

    def __init__(self, origin, args, name=None, special=None):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = tuple(_type_check(a) if a is not ... else a for a in args)
        self._name = name
        self._special = special
        params = []
        for a in self.__args__:
            for p in _collect_parameters(a):
                if p not in params:
                    params.append(p)
        self.__parameters__ = tuple(params)

    def __repr__(self):
        if self._name is None:
            head = _type_repr(self.__origin__)
        else:
            head = 'typing.' + self._name
        if self._special == 'callable' and len(self.__args__) >= 1:
            ret = self.__args__[-1]
            params = self.__args__[:-1]
            if len(params) == 1 and params[0] is ...:
                return f'{head}[..., {_type_repr(ret)}]'
            return f'{head}[[{", ".join(_type_repr(a) for a in params)}], {_type_repr(ret)}]'
        if not self.__args__:
            return f'{head}[()]'
        return f'{head}[{", ".join(_type_repr(a) for a in self.__args__)}]'

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__ and self.__args__ == other.__args__
                and type(self) is type(other))

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        if self._name is not None:
            raise TypeError(f'Type {self._name} cannot be instantiated; '
                            f'use {self.__origin__.__name__.lower()}() instead')
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except (AttributeError, TypeError):
            pass
        return result

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if not self.__parameters__:
            raise TypeError(f'{self} is not a generic class')
        if len(params) != len(self.__parameters__):
            raise TypeError(f'Too {"many" if len(params) > len(self.__parameters__) else "few"} '
                            f'arguments for {self}')
        subst = dict(zip(self.__parameters__, params))
        new_args = tuple(_subst(a, subst) for a in self.__args__)
        return self.copy_with(new_args)

    def copy_with(self, args):
        return type(self)(self.__origin__, args, self._name, self._special)

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __subclasscheck__(self, cls):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')


class _UnionGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[1] is type(None):
                return f'typing.Optional[{_type_repr(args[0])}]'
            if args[0] is type(None):
                return f'typing.Optional[{_type_repr(args[1])}]'
        return f'typing.Union[{", ".join(_type_repr(a) for a in args)}]'

    def __eq__(self, other):
        if not isinstance(other, _UnionGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def copy_with(self, args):
        return Union[args]


class _LiteralGenericAlias(_GenericAlias):
    def __init__(self, origin, args, name=None, special=None):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._special = special
        self.__parameters__ = ()

    def __repr__(self):
        return f'typing.Literal[{", ".join(repr(a) for a in self.__args__)}]'

    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


class _SpecialGenericAlias(_Final):
    """A bare alias of a container: List, Dict, Callable, ..."""

    def __init__(self, origin, nparams, name, special=None):
        self.__origin__ = origin
        self._nparams = nparams
        self._name = name
        self._special = special

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._special == 'callable':
            if len(params) != 2:
                raise TypeError('Callable must be used as Callable[[arg, ...], result].')
            args, result = params
            if args is ...:
                return _GenericAlias(self.__origin__, (..., result), self._name, 'callable')
            if not isinstance(args, (list, tuple)):
                raise TypeError(f'Callable[args, result]: args must be a list. Got {args!r}')
            return _GenericAlias(self.__origin__, tuple(args) + (result,), self._name, 'callable')
        if self._special == 'tuple':
            if params == ((),):
                params = ()
            return _GenericAlias(self.__origin__, params, self._name, 'tuple')
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError(f'Too {"many" if len(params) > self._nparams else "few"} arguments '
                            f'for {self}; actual {len(params)}, expected {self._nparams}')
        return _GenericAlias(self.__origin__, params, self._name, self._special)

    def __call__(self, *args, **kwargs):
        raise TypeError(f'Type {self._name} cannot be instantiated; '
                        f'use {self.__origin__.__name__.lower()}() instead')

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __eq__(self, other):
        if isinstance(other, _SpecialGenericAlias):
            return self.__origin__ is other.__origin__ and self._name == other._name
        return NotImplemented

    def __hash__(self):
        return hash((self.__origin__, self._name))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)


def _collect_parameters(arg):
    if isinstance(arg, TypeVar):
        return (arg,)
    return getattr(arg, '__parameters__', ()) if isinstance(arg, _GenericAlias) else ()


def _subst(arg, subst):
    if isinstance(arg, TypeVar):
        return subst.get(arg, arg)
    if isinstance(arg, _GenericAlias) and arg.__parameters__:
        return arg[tuple(subst.get(p, p) for p in arg.__parameters__)]
    return arg


# ---------------------------------------------------------------- special forms

def _any_getitem(self, params):
    raise TypeError(f'{self} is not subscriptable')


Any = _SpecialForm('Any', doc='Special type indicating an unconstrained type.')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    flat = []
    for p in parameters:
        p = _type_check(p)
        if isinstance(p, _UnionGenericAlias):
            items = p.__args__
        else:
            items = (p,)
        for item in items:
            if item not in flat:
                flat.append(item)
    if len(flat) == 1:
        return flat[0]
    return _UnionGenericAlias(self, tuple(flat))


def _optional_getitem(self, parameter):
    return Union[parameter, None]


def _wrap_getitem(self, item):
    return _GenericAlias(self, (item,), self._name)


def _literal_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    flat = []
    for p in parameters:
        items = p.__args__ if isinstance(p, _LiteralGenericAlias) else (p,)
        for item in items:
            if item not in flat:
                flat.append(item)
    return _LiteralGenericAlias(self, tuple(flat), 'Literal')


def _annotated_getitem(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError('Annotated[...] should be used with at least two arguments')
    alias = _GenericAlias(self, params, 'Annotated')
    alias.__metadata__ = params[1:]
    return alias


Union = _SpecialForm('Union', _union_getitem)
Optional = _SpecialForm('Optional', _optional_getitem)
ClassVar = _SpecialForm('ClassVar', _wrap_getitem)
Final = _SpecialForm('Final', _wrap_getitem)
Literal = _SpecialForm('Literal', _literal_getitem)
Annotated = _SpecialForm('Annotated', _annotated_getitem)
TypeGuard = _SpecialForm('TypeGuard', _wrap_getitem)
Required = _SpecialForm('Required', _wrap_getitem)
NotRequired = _SpecialForm('NotRequired', _wrap_getitem)
Concatenate = _SpecialForm('Concatenate', lambda self, p: _GenericAlias(self, p, 'Concatenate'))


# ---------------------------------------------------------------- TypeVar

class TypeVar(_Final):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__name__ = name
        self.__constraints__ = tuple(_type_check(c) for c in constraints)
        self.__bound__ = _type_check(bound) if bound is not None else None
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ParamSpec(_Final):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__bound__ = bound

    def __repr__(self):
        return '~' + self.__name__


class TypeVarTuple(_Final):
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__


AnyStr = TypeVar('AnyStr', bytes, str)
T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
T_co = TypeVar('T_co', covariant=True)
V_co = TypeVar('V_co', covariant=True)
VT_co = TypeVar('VT_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
CT_co = TypeVar('CT_co', covariant=True, bound=type)


# ---------------------------------------------------------------- Generic / Protocol

class Generic:
    """Base class for generic classes: class Stack(Generic[T]): ...

    Generic[T] evaluates to Generic itself (gilvm has no __mro_entries__);
    MyClass[int] gives an alias whose call creates a MyClass instance.
    """
    __slots__ = ()

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls is Generic or cls is Protocol:
            for p in params:
                if not isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)):
                    raise TypeError(f'Parameters to {cls.__name__}[...] must all be type variables')
            return cls
        return _GenericAlias(cls, params, None, 'generic')


class Protocol(Generic):
    """Base class for protocol classes (structural checks are not performed)."""
    __slots__ = ()
    _is_protocol = True


def runtime_checkable(cls):
    return cls


# ---------------------------------------------------------------- aliases

def _make_abstract(name, module='collections.abc'):
    cls = type(name, (), {'__module__': module})
    return cls


_abstract_origins = set()


def _abstract(name):
    cls = _make_abstract(name)
    _abstract_origins.add(cls)
    return cls


Hashable = _SpecialGenericAlias(_abstract('Hashable'), 0, 'Hashable')
Sized = _SpecialGenericAlias(_abstract('Sized'), 0, 'Sized')
Awaitable = _SpecialGenericAlias(_abstract('Awaitable'), 1, 'Awaitable')
Coroutine = _SpecialGenericAlias(_abstract('Coroutine'), 3, 'Coroutine')
AsyncIterable = _SpecialGenericAlias(_abstract('AsyncIterable'), 1, 'AsyncIterable')
AsyncIterator = _SpecialGenericAlias(_abstract('AsyncIterator'), 1, 'AsyncIterator')
AsyncGenerator = _SpecialGenericAlias(_abstract('AsyncGenerator'), 2, 'AsyncGenerator')
Iterable = _SpecialGenericAlias(_abstract('Iterable'), 1, 'Iterable')
Iterator = _SpecialGenericAlias(_abstract('Iterator'), 1, 'Iterator')
Reversible = _SpecialGenericAlias(_abstract('Reversible'), 1, 'Reversible')
Container = _SpecialGenericAlias(_abstract('Container'), 1, 'Container')
Collection = _SpecialGenericAlias(_abstract('Collection'), 1, 'Collection')
Generator = _SpecialGenericAlias(_abstract('Generator'), 3, 'Generator')
Callable = _SpecialGenericAlias(_abstract('Callable'), -1, 'Callable', 'callable')
AbstractSet = _SpecialGenericAlias(_abstract('Set'), 1, 'AbstractSet')
MutableSet = _SpecialGenericAlias(_abstract('MutableSet'), 1, 'MutableSet')
Mapping = _SpecialGenericAlias(_abstract('Mapping'), 2, 'Mapping')
MutableMapping = _SpecialGenericAlias(_abstract('MutableMapping'), 2, 'MutableMapping')
Sequence = _SpecialGenericAlias(_abstract('Sequence'), 1, 'Sequence')
MutableSequence = _SpecialGenericAlias(_abstract('MutableSequence'), 1, 'MutableSequence')
ByteString = _SpecialGenericAlias(_abstract('ByteString'), 0, 'ByteString')
MappingView = _SpecialGenericAlias(_abstract('MappingView'), 1, 'MappingView')
KeysView = _SpecialGenericAlias(_abstract('KeysView'), 1, 'KeysView')
ItemsView = _SpecialGenericAlias(_abstract('ItemsView'), 2, 'ItemsView')
ValuesView = _SpecialGenericAlias(_abstract('ValuesView'), 1, 'ValuesView')
ContextManager = _SpecialGenericAlias(_make_abstract('AbstractContextManager', 'contextlib'),
                                      1, 'ContextManager')
AsyncContextManager = _SpecialGenericAlias(_make_abstract('AbstractAsyncContextManager',
                                                          'contextlib'), 1, 'AsyncContextManager')

List = _SpecialGenericAlias(list, 1, 'List')
Dict = _SpecialGenericAlias(dict, 2, 'Dict')
Set = _SpecialGenericAlias(set, 1, 'Set')
FrozenSet = _SpecialGenericAlias(frozenset, 1, 'FrozenSet')
Tuple = _SpecialGenericAlias(tuple, -1, 'Tuple', 'tuple')
Type = _SpecialGenericAlias(type, 1, 'Type')
Deque = _SpecialGenericAlias(_collections.deque, 1, 'Deque')
DefaultDict = _SpecialGenericAlias(_collections.defaultdict, 2, 'DefaultDict')
OrderedDict = _SpecialGenericAlias(_collections.OrderedDict, 2, 'OrderedDict')
Counter = _SpecialGenericAlias(_collections.Counter, 1, 'Counter')
ChainMap = _SpecialGenericAlias(_collections.ChainMap, 2, 'ChainMap')

Text = str


class SupportsInt(Protocol):
    def __int__(self): ...


class SupportsFloat(Protocol):
    def __float__(self): ...


class SupportsIndex(Protocol):
    def __index__(self): ...


class SupportsAbs(Protocol):
    def __abs__(self): ...


class SupportsRound(Protocol):
    def __round__(self, ndigits=0): ...


# ---------------------------------------------------------------- annotations

def _class_annotations(name, namespace):
    """The annotations a class body recorded (`x: int` lines), in order."""
    return dict(namespace.get('__annotations__', {}))


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """Annotations of a class (merged over its MRO), function or module."""
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            if base is object:
                continue
            ann = base.__dict__.get('__annotations__', {})
            for key, value in ann.items():
                hints[key] = _resolve(value, base.__module__, globalns, localns)
        return hints
    ann = getattr(obj, '__annotations__', None)
    if not ann:
        return {}
    module_name = getattr(obj, '__module__', '__main__')
    return {k: _resolve(v, module_name, globalns, localns) for k, v in ann.items()}


def _resolve(value, module_name, globalns, localns):
    if value is None:
        return type(None)
    if isinstance(value, str):
        value = ForwardRef(value)
    if isinstance(value, ForwardRef):
        if globalns is None:
            module = _sys.modules.get(module_name)
            globalns = getattr(module, '__dict__', {})
        try:
            return eval(value.__forward_arg__, dict(globalns), localns)
        except Exception:
            return value
    return value


# ---------------------------------------------------------------- NamedTuple / TypedDict

class _NamedTupleMeta(type):
    def __new__(mcls, name, bases, namespace, **kwargs):
        if namespace.get('_root_namedtuple', False):
            return super().__new__(mcls, name, bases, namespace)
        for base in bases:
            if base is not NamedTuple and base is not Generic:
                raise TypeError('can only inherit from a NamedTuple type and Generic')
        types = _class_annotations(name, namespace)
        fields = list(types)
        defaults = []
        for field in fields:
            if field in namespace:
                defaults.append(namespace[field])
            elif defaults:
                raise TypeError(f'Non-default namedtuple field {field} cannot follow '
                                f'default field{"s" if len(defaults) > 1 else ""} '
                                f'{", ".join(fields[fields.index(field) - len(defaults):fields.index(field)])}')
        nt = _collections.namedtuple(name, fields, defaults=defaults,
                                     module=namespace.get('__module__', '__main__'))
        nt.__annotations__ = types
        for key, value in namespace.items():
            if key in ('__module__', '__qualname__', '__annotations__', '_root_namedtuple'):
                continue
            if key in _NT_PROHIBITED:
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            if key not in types:
                setattr(nt, key, value)
        if '__doc__' not in namespace or namespace['__doc__'] is None:
            nt.__doc__ = f'{name}({", ".join(fields)})'
        return nt


_NT_PROHIBITED = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__',
                            '_fields', '_field_defaults', '_make', '_replace', '_asdict',
                            '_source'})


class NamedTuple(metaclass=_NamedTupleMeta):
    """Typed namedtuple: class P(NamedTuple): x: int; y: int = 0
    or NamedTuple('P', [('x', int), ('y', int)])."""
    _root_namedtuple = True

    def __new__(cls, typename, fields=None, **kwargs):
        if fields is None:
            fields = list(kwargs.items())
        names = [n for n, t in fields]
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            module = '__main__'
        nt = _collections.namedtuple(typename, names, module=module)
        nt.__annotations__ = {n: _type_check(t) for n, t in fields}
        return nt


class _TypedDictMeta(type):
    def __new__(mcls, name, bases, namespace, total=True):
        if namespace.get('_root_typeddict', False):
            return super().__new__(mcls, name, bases, namespace)
        own = _class_annotations(name, namespace)
        annotations = {}
        required = set()
        optional = set()
        for base in bases:
            annotations.update(getattr(base, '__annotations__', {}))
            required |= getattr(base, '__required_keys__', frozenset())
            optional |= getattr(base, '__optional_keys__', frozenset())
        annotations.update(own)
        for key in own:
            (required if total else optional).add(key)
        ns = {k: v for k, v in namespace.items() if k not in own}
        ns['_root_typeddict'] = False
        cls = super().__new__(mcls, name, (dict,), ns)
        cls.__annotations__ = annotations
        cls.__required_keys__ = frozenset(required)
        cls.__optional_keys__ = frozenset(optional)
        cls.__total__ = total
        return cls

    def __call__(cls, *args, **kwargs):
        if cls.__dict__.get('_root_typeddict', False):
            # functional syntax: TypedDict('Name', {'x': int}, total=True)
            name, fields = args[0], (args[1] if len(args) > 1 else {})
            total = kwargs.pop('total', True)
            fields = dict(fields)
            fields.update(kwargs)
            ns = {'__annotations__': {k: _type_check(v) for k, v in fields.items()},
                  '__module__': '__main__'}
            return _TypedDictMeta(name, (TypedDict,), ns, total=total)
        return dict(*args, **kwargs)

    def __instancecheck__(cls, obj):
        raise TypeError('TypedDict does not support instance and class checks')


class TypedDict(metaclass=_TypedDictMeta):
    """class Movie(TypedDict): name: str; year: int  -- calling Movie(...) gives a dict."""
    _root_typeddict = True


# ---------------------------------------------------------------- functions

def cast(typ, val):
    """Return the value unchanged (a signal to type checkers)."""
    return val


def assert_type(val, typ):
    return val


def assert_never(arg):
    raise AssertionError(f'Expected code to be unreachable, but got: {arg!r}')


def reveal_type(obj):
    print(f'Runtime type is {type(obj).__name__!r}', file=_sys.stderr)
    return obj


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        'You should not call an overloaded function. A series of @overload-decorated '
        'functions outside a stub module should always be followed by an implementation '
        'that is not @overload-ed.')


def overload(func):
    return _overload_dummy


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    try:
        arg.__no_type_check__ = True
    except (AttributeError, TypeError):
        pass
    return arg


def no_type_check_decorator(decorator):
    return decorator


def dataclass_transform(**kwargs):
    return lambda cls: cls


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__qualname__ = name
    new_type.__supertype__ = tp
    return new_type


def get_origin(tp):
    if isinstance(tp, _GenericAlias):
        if tp.__origin__ is Annotated:
            return Annotated
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    if isinstance(tp, _GenericAlias):
        args = tp.__args__
        if tp._special == 'callable' and not (len(args) == 2 and args[0] is ...):
            return (list(args[:-1]), args[-1])
        return args
    return ()


def is_typeddict(tp):
    return isinstance(tp, _TypedDictMeta)
