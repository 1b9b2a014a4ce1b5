"""Data classes (PEP 557): generated __init__, __repr__, __eq__ and friends.

A small implementation for gilvm. Fields come from the class's
__annotations__, in order; the fields of dataclass bases come first.
"""

import sys
import copy as _copy

__all__ = [
    'dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
    'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
    'is_dataclass',
]


class FrozenInstanceError(AttributeError):
    pass


class _MissingType:
    def __repr__(self):
        return 'MISSING'


class _HasDefaultFactoryType:
    def __repr__(self):
        return '<factory>'


MISSING = _MissingType()
_HAS_DEFAULT_FACTORY = _HasDefaultFactoryType()


class _KwOnlyType:
    def __repr__(self):
        return 'KW_ONLY'


KW_ONLY = _KwOnlyType()


class _FieldKind:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FieldKind('_FIELD')
_FIELD_CLASSVAR = _FieldKind('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FieldKind('_FIELD_INITVAR')

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


class InitVar:
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            name = self.type.__name__
        else:
            name = repr(self.type)
        return 'dataclasses.InitVar[' + name + ']'

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash',
                 'init', 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field(name=' + repr(self.name) + ',type=' + repr(self.type)
                + ',default=' + repr(self.default)
                + ',default_factory=' + repr(self.default_factory)
                + ',init=' + repr(self.init) + ',repr=' + repr(self.repr)
                + ',hash=' + repr(self.hash) + ',compare=' + repr(self.compare)
                + ',metadata=' + repr(self.metadata)
                + ',kw_only=' + repr(self.kw_only)
                + ',_field_type=' + repr(self._field_type) + ')')

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), '__set_name__', None)
        if func is not None:
            func(self.default, owner, name)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams(init=' + repr(self.init) + ',repr=' + repr(self.repr)
                + ',eq=' + repr(self.eq) + ',order=' + repr(self.order)
                + ',unsafe_hash=' + repr(self.unsafe_hash)
                + ',frozen=' + repr(self.frozen) + ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


# ---------------------------------------------------------------------------
# Annotations

_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break',
    'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally',
    'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
    'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
])


def _class_annotations(cls):
    """The annotations the class body recorded (`x: int = 0` lines), in order."""
    return cls.__dict__.get('__annotations__', {})


def _string_names(text, cls, module, name):
    """Does the annotation text `name[...]` or `M.name[...]` name module.name,
    as the class's module binds those names? (CPython's rule for string
    annotations.)"""
    if module is None:
        return False
    head = text.strip().split('[', 1)[0].strip()
    parts = head.split('.')
    ns = getattr(sys.modules.get(cls.__module__), '__dict__', {})
    if len(parts) == 1:
        return parts[0] == name and ns.get(name, None) is getattr(module, name, ())
    if len(parts) == 2:
        return parts[1] == name and ns.get(parts[0], None) is module
    return False


def _is_classvar(tp, cls):
    typing = sys.modules.get('typing')
    if isinstance(tp, str):
        return _string_names(tp, cls, typing, 'ClassVar')
    if typing is None:
        return False
    cv = getattr(typing, 'ClassVar', None)
    return cv is not None and (tp is cv or getattr(tp, '__origin__', None) is cv)


def _is_initvar(tp, cls):
    if isinstance(tp, str):
        return _string_names(tp, cls, sys.modules[__name__], 'InitVar')
    return tp is InitVar or isinstance(tp, InitVar)


def _is_kw_only(tp):
    if isinstance(tp, str):
        return tp.strip() in ('KW_ONLY', 'dataclasses.KW_ONLY')
    return tp is KW_ONLY


# ---------------------------------------------------------------------------
# Building the class

def _get_field(cls, name, tp, kw_only):
    default = cls.__dict__.get(name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = tp
    f._field_type = _FIELD
    if _is_classvar(tp, cls):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(tp, cls):
        f._field_type = _FIELD_INITVAR
    if f._field_type is not _FIELD:
        if f.default_factory is not MISSING:
            raise TypeError('field ' + name + ' cannot have a default factory')
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError('field ' + name + ' is a ClassVar but specifies kw_only')
    if f._field_type is _FIELD:
        d = f.default
        if isinstance(d, (list, dict, set, bytearray)) or type(d).__hash__ is None:
            raise ValueError('mutable default ' + repr(type(d)) + ' for field '
                             + name + ' is not allowed: use default_factory')
    return f


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    try:
        value.__qualname__ = cls.__qualname__ + '.' + value.__name__
    except (AttributeError, TypeError):
        pass
    setattr(cls, name, value)
    return False


def _make_function(name, args, body, ns):
    """def name(args): body, built with exec; ns holds the names it uses."""
    src = 'def ' + name + '(' + ', '.join(args) + '):\n'
    if not body:
        body = ['pass']
    src += ''.join('    ' + line + '\n' for line in body)
    g = dict(ns)
    g['__builtins__'] = __builtins__
    local = {}
    exec(src, g, local)
    return local[name]


def _init_fn(cls, fields, std_fields, kw_only_fields, frozen, has_post_init, self_name):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError('non-default argument ' + repr(f.name)
                                + ' follows default argument')
    ns = {'__dataclass_MISSING__': MISSING,
          '__dataclass_HAS_DEFAULT_FACTORY__': _HAS_DEFAULT_FACTORY,
          '__dataclass_object__': object}

    def param(f):
        if f.default is MISSING and f.default_factory is MISSING:
            return f.name
        if f.default_factory is not MISSING:
            return f.name + '=__dataclass_HAS_DEFAULT_FACTORY__'
        ns['__dataclass_dflt_' + f.name + '__'] = f.default
        return f.name + '=__dataclass_dflt_' + f.name + '__'

    args = [self_name] + [param(f) for f in std_fields]
    if kw_only_fields:
        args.append('*')
        args.extend(param(f) for f in kw_only_fields)

    body = []
    for f in fields:
        if f._field_type is not _FIELD:
            continue
        if f.default_factory is not MISSING:
            fac = '__dataclass_dflt_factory_' + f.name + '__'
            ns[fac] = f.default_factory
            if f.init:
                value = (fac + '() if ' + f.name + ' is __dataclass_HAS_DEFAULT_FACTORY__ else '
                         + f.name)
            else:
                value = fac + '()'
        elif f.init:
            value = f.name
        else:
            if f.default is MISSING:
                continue
            ns['__dataclass_dflt_' + f.name + '__'] = f.default
            value = '__dataclass_dflt_' + f.name + '__'
        if frozen:
            body.append('__dataclass_object__.__setattr__(' + self_name + ', '
                        + repr(f.name) + ', ' + value + ')')
        else:
            body.append(self_name + '.' + f.name + ' = ' + value)
    if has_post_init:
        initvars = [f.name for f in fields if f._field_type is _FIELD_INITVAR]
        body.append(self_name + '.' + _POST_INIT_NAME + '(' + ', '.join(initvars) + ')')
    return _make_function('__init__', args, body, ns)


_repr_running = set()


def _repr_fn(fields):
    names = [f.name for f in fields]

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            parts = [name + '=' + repr(getattr(self, name)) for name in names]
        finally:
            _repr_running.discard(key)
        return self.__class__.__qualname__ + '(' + ', '.join(parts) + ')'
    return __repr__


def _tuple_getter(fields):
    names = tuple(f.name for f in fields)

    def as_tuple(self):
        return tuple([getattr(self, n) for n in names])
    return as_tuple


def _cmp_fn(name, op, fields):
    key = _tuple_getter(fields)

    if op == '==':
        def fn(self, other):
            if other.__class__ is self.__class__:
                return key(self) == key(other)
            return NotImplemented
    elif op == '<':
        def fn(self, other):
            if other.__class__ is self.__class__:
                return key(self) < key(other)
            return NotImplemented
    elif op == '<=':
        def fn(self, other):
            if other.__class__ is self.__class__:
                return key(self) <= key(other)
            return NotImplemented
    elif op == '>':
        def fn(self, other):
            if other.__class__ is self.__class__:
                return key(self) > key(other)
            return NotImplemented
    else:
        def fn(self, other):
            if other.__class__ is self.__class__:
                return key(self) >= key(other)
            return NotImplemented
    fn.__name__ = name
    return fn


def _hash_fn(fields):
    key = _tuple_getter(fields)

    def __hash__(self):
        return hash(key(self))
    return __hash__


def _frozen_fns(cls, fields):
    names = frozenset(f.name for f in fields)

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError('cannot assign to field ' + repr(name))
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError('cannot delete field ' + repr(name))
        super(cls, self).__delattr__(name)
    return __setattr__, __delattr__


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only, slots):
    all_fields = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = b.__dict__.get(_FIELDS)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                all_fields[f.name] = f
            if b.__dict__[_PARAMS].frozen:
                any_frozen_base = True

    ann = _class_annotations(cls)
    own = []
    kw_only_now = kw_only
    for name, tp in ann.items():
        if _is_kw_only(tp):
            if kw_only_now and not kw_only:
                raise TypeError(repr(name) + ' is KW_ONLY, but KW_ONLY has already been specified')
            kw_only_now = True
            continue
        own.append(_get_field(cls, name, tp, kw_only_now))
    for f in own:
        all_fields[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in list(cls.__dict__.items()):
        if isinstance(value, Field) and name not in ann:
            raise TypeError(repr(name) + ' is a field but has no type annotation')

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    setattr(cls, _FIELDS, all_fields)

    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING
                             or (class_hash is None and '__eq__' in cls.__dict__))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    field_list = [f for f in all_fields.values() if f._field_type is _FIELD]
    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        init_fields = [f for f in all_fields.values()
                       if f._field_type in (_FIELD, _FIELD_INITVAR)]
        std = [f for f in init_fields if f.init and not f.kw_only]
        kwo = [f for f in init_fields if f.init and f.kw_only]
        self_name = '__dataclass_self__' if 'self' in all_fields else 'self'
        _set_new_attribute(cls, '__init__',
                           _init_fn(cls, init_fields, std, kwo, frozen,
                                    has_post_init, self_name))
    if repr:
        _set_new_attribute(cls, '__repr__', _repr_fn([f for f in field_list if f.repr]))
    compare_fields = [f for f in field_list if f.compare]
    if eq:
        _set_new_attribute(cls, '__eq__', _cmp_fn('__eq__', '==', compare_fields))
    if order:
        for name, op in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')):
            if _set_new_attribute(cls, name, _cmp_fn(name, op, compare_fields)):
                raise TypeError('Cannot overwrite attribute ' + name + ' in class '
                                + cls.__name__ + '. Consider using functools.total_ordering')
    if frozen:
        setter, deleter = _frozen_fns(cls, field_list)
        for fn in (setter, deleter):
            if _set_new_attribute(cls, fn.__name__, fn):
                raise TypeError('Cannot overwrite attribute ' + fn.__name__
                                + ' in class ' + cls.__name__)

    hash_fields = [f for f in field_list
                   if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError('Cannot overwrite attribute __hash__ in class ' + cls.__name__)
        cls.__hash__ = _hash_fn(hash_fields)
    elif eq and frozen:
        if not has_explicit_hash:
            cls.__hash__ = _hash_fn(hash_fields)
    elif eq:
        if not has_explicit_hash:
            cls.__hash__ = None

    if not getattr(cls, '__doc__', None):
        try:
            cls.__doc__ = cls.__name__ + '(' + ', '.join(
                f.name for f in all_fields.values() if f._field_type is not _FIELD_CLASSVAR) + ')'
        except (AttributeError, TypeError):
            pass

    if match_args:
        _set_new_attribute(cls, '__match_args__',
                           tuple(f.name for f in field_list if f.init and not f.kw_only))
    if slots:
        cls = _add_slots(cls, field_list)
    return cls


def _add_slots(cls, field_list):
    cls_dict = dict(cls.__dict__)
    names = tuple(f.name for f in field_list)
    if '__slots__' in cls_dict:
        raise TypeError(cls.__name__ + ' already specifies __slots__')
    inherited = set()
    for b in cls.__mro__[1:-1]:
        inherited.update(getattr(b, '__slots__', ()))
    cls_dict['__slots__'] = tuple(n for n in names if n not in inherited)
    for n in names:
        cls_dict.pop(n, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = cls.__qualname__
    new = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    new.__qualname__ = qualname
    return new


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
              slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                              match_args, kw_only, slots)
    if cls is None:
        return wrap
    return wrap(cls)


# ---------------------------------------------------------------------------
# Helpers on dataclass instances

def fields(class_or_instance):
    try:
        fs = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fs.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return _copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return _copy.deepcopy(obj)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError('field ' + f.name + ' is declared with init=False, '
                                 'it cannot be specified with replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError('InitVar ' + repr(f.name) + ' must be specified with replace()')
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False, module=None):
    ns = dict(namespace or {})
    annotations = {}
    seen = set()
    for item in fields:
        if isinstance(item, str):
            name, tp = item, 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            ns[name] = spec
        else:
            raise TypeError('Invalid field: ' + repr(item))
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError('Field names must be valid identifiers: ' + repr(name))
        if name in _KEYWORDS:
            raise TypeError('Field names must not be keywords: ' + repr(name))
        if name in seen:
            raise TypeError('Field name duplicated: ' + repr(name))
        seen.add(name)
        annotations[name] = tp
    ns['__annotations__'] = annotations
    ns.setdefault('__module__', module if module is not None else '__main__')
    cls = type(cls_name, tuple(bases), ns)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen, match_args=match_args,
                     kw_only=kw_only, slots=slots, weakref_slot=weakref_slot)
