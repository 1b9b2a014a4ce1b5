"""Enumerations (gilvm's own implementation).

gilvm does not call a metaclass's __prepare__, so members are collected from
the finished class namespace in EnumType.__new__ (dict order = definition
order); auto() values are resolved there.  Reassigning a member
(Color.RED = 5) is not blocked: gilvm's type.__setattr__ cannot be called
from a metaclass __setattr__ override.
"""

from types import MappingProxyType

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
           'ReprEnum', 'auto', 'unique']

_auto_null = object()


class auto:
    """Instances are replaced with an appropriate value for Enum members."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return f'auto({self.value!r})'


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_descriptor(obj):
    t = type(obj)
    return hasattr(t, '__get__') or hasattr(t, '__set__') or hasattr(t, '__delete__')


def _is_private(cls_name, name):
    prefix = '_' + cls_name.lstrip('_') + '__'
    return name.startswith(prefix) and not name.endswith('__')


def _setattr(member, key, value):
    """Set an attribute on a member; str/tuple/bytes subclass instances cannot
    hold attributes in gilvm, so those go to a side table on the class that
    Enum.__getattr__ reads."""
    try:
        setattr(member, key, value)
    except AttributeError:
        cls = type(member)
        side = cls.__dict__.get('_side_attrs_')
        if side is None:
            side = {}
            cls._side_attrs_ = side
        side.setdefault(id(member), {})[key] = value


class EnumType(type):
    """Metaclass for Enum."""

    def __new__(mcls, cls_name, bases, namespace, boundary=None, **kwargs):
        member_type, first_enum = mcls._get_mixins_(cls_name, bases)
        ignore = namespace.get('_ignore_', [])
        if isinstance(ignore, str):
            ignore = ignore.replace(',', ' ').split()
        ignore = set(ignore) | {'_ignore_'}

        members = []          # (name, value) in definition order
        body = {}
        for key, value in namespace.items():
            if key in ignore:
                continue
            if (_is_dunder(key) or _is_sunder(key) or _is_private(cls_name, key)
                    or _is_descriptor(value) or isinstance(value, type)):
                body[key] = value
                continue
            members.append((key, value))

        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError(f"<enum {cls_name!r}> cannot extend {base!r}")

        cls = super().__new__(mcls, cls_name, bases, body, **kwargs)
        # Enum's repr/str/format win over the mixed-in data type's.
        for meth in ('__repr__', '__str__', '__format__'):
            if meth in body:
                continue
            for klass in cls.__mro__:
                if isinstance(klass, EnumType) and meth in klass.__dict__:
                    setattr(cls, meth, klass.__dict__[meth])
                    break
        gen = getattr(cls, '_generate_next_value_', None)
        last_values = []
        for index in range(len(members)):
            key, value = members[index]
            if isinstance(value, auto):
                if value.value is _auto_null:
                    if gen is None:
                        raise TypeError('auto() needs an Enum base class')
                    value.value = gen(key, 1, index, last_values[:])
                value = value.value
                members[index] = (key, value)
            last_values.append(value)
        init_owner = None
        for klass in cls.__mro__:
            if '__init__' in klass.__dict__:
                init_owner = klass
                break
        call_init = isinstance(init_owner, EnumType) and init_owner is not Enum
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        cls._member_type_ = member_type
        cls._boundary_ = boundary

        new_member = body.get('__new__')
        if isinstance(new_member, staticmethod):
            new_member = new_member.__func__
        if new_member is None and first_enum is not None:
            new_member = getattr(first_enum, '_new_member_', None)
        cls._new_member_ = new_member

        for name, value in members:
            args = value if isinstance(value, tuple) else (value,)
            if member_type is tuple:
                args = (args,)
            if new_member is not None:
                member = new_member(cls, *args)
            elif member_type is object:
                member = object.__new__(cls)
            else:
                member = member_type.__new__(cls, *args)
            if not hasattr(member, '_value_'):
                if member_type is object:
                    _setattr(member, '_value_', value)
                else:
                    _setattr(member, '_value_', member_type(*args))
            value = member._value_
            # aliases: same value as an existing member
            existing = None
            try:
                existing = cls._value2member_map_.get(value)
            except TypeError:
                for m in cls._member_map_.values():
                    if m._value_ == value:
                        existing = m
                        break
            if existing is not None:
                cls._member_map_[name] = existing
                setattr(cls, name, existing)
                continue
            _setattr(member, '_name_', name)
            if call_init:
                member.__init__(*args)
            _setattr(member, '_sort_order_', len(cls._member_names_))
            cls._member_names_.append(name)
            cls._member_map_[name] = member
            try:
                cls._value2member_map_[value] = member
            except TypeError:
                pass
            setattr(cls, name, member)

        if Flag is not None and issubclass(cls, Flag):
            bits = 0
            for m in cls._member_map_.values():
                bits |= m._value_
            cls._flag_mask_ = bits
        return cls

    @staticmethod
    def _get_mixins_(cls_name, bases):
        member_type = object
        first_enum = None
        for base in bases:
            if isinstance(base, EnumType):
                if first_enum is None:
                    first_enum = base
                if base._member_type_ is not object and member_type is object:
                    member_type = base._member_type_
            else:
                for klass in base.__mro__:
                    if klass is object or isinstance(klass, EnumType):
                        continue
                    if member_type is object:
                        member_type = klass
                    break
        return member_type, first_enum

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        if names is None:
            return cls._lookup_(value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def _lookup_(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        raise TypeError(f'error in {cls.__name__}._missing_: returned {result!r} '
                        f'instead of None or a valid member')

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        bases = (cls,) if type is None else (type, cls)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        ns = {}
        if isinstance(names, dict):
            items = list(names.items())
        else:
            names = list(names)
            if names and isinstance(names[0], str):
                items = []
                last = []
                for count, name in enumerate(names):
                    value = cls._generate_next_value_(name, start, count, last[:])
                    last.append(value)
                    items.append((name, value))
            else:
                items = [tuple(item) for item in names]
        for name, value in items:
            ns[name] = value
        ns['__module__'] = module if module is not None else '__main__'
        if qualname is not None:
            ns['__qualname__'] = qualname
        metacls = cls.__class__
        return metacls.__new__(metacls, class_name, bases, ns, boundary=boundary)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"'{type(member).__qualname__}' and '{type(cls).__qualname__}'")
        return isinstance(member, cls) and member._name_ in cls._member_map_

    @property
    def __members__(cls):
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return f"<flag {cls.__name__!r}>"
        return f"<enum {cls.__name__!r}>"


EnumMeta = EnumType
Enum = Flag = None     # defined below; EnumType.__new__ checks them


class Enum(metaclass=EnumType):
    """Generic enumeration.  Derive from this class to define new enumerations."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for value in reversed(last_values):
            try:
                return value + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __init__(self, *args, **kwds):
        pass

    def __getattr__(self, name):
        for klass in type(self).__mro__:
            side = klass.__dict__.get('_side_attrs_')
            if side is not None:
                attrs = side.get(id(self))
                if attrs is not None and name in attrs:
                    return attrs[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __repr__(self):
        return f'<{self.__class__.__name__}.{self._name_}: {self._value_!r}>'

    def __str__(self):
        return f'{self.__class__.__name__}.{self._name_}'

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_


class ReprEnum(Enum):
    """Only changes the repr(); str() and format() are the mixed-in type's."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints."""

    def __str__(self):
        return repr(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings."""

    def __new__(cls, *values):
        if len(values) != 1 or not isinstance(values[0], str):
            raise TypeError(f'{values[0]!r} is not a string')
        member = str.__new__(cls, values[0])
        _setattr(member, '_value_', values[0])
        return member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    def __str__(self):
        return self._value_

    def __format__(self, format_spec):
        return format(self._value_, format_spec)


def _high_bit(value):
    return value.bit_length() - 1


class Flag(Enum):
    """Support for flags: members can be combined with | & ^ ~."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = 0
        for value in last_values:
            high = max(high, _high_bit(value))
        return 2 ** (high + 1)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        mask = cls._flag_mask_
        if value < 0 or (value & ~mask and not issubclass(cls, int)):
            raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        names = []
        covered = 0
        for member in cls._iter_canonical_():
            if member._value_ & value == member._value_:
                names.append(member._name_)
                covered |= member._value_
        extra = value & ~covered
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        _setattr(pseudo, '_value_', value)
        if names or extra:
            parts = names + ([str(extra)] if extra else [])
            _setattr(pseudo, '_name_', '|'.join(parts))
        else:
            _setattr(pseudo, '_name_', None)
        cls._value2member_map_.setdefault(value, pseudo)
        return cls._value2member_map_[value]

    @classmethod
    def _iter_canonical_(cls):
        for name in cls._member_names_:
            member = cls._member_map_[name]
            v = member._value_
            if v and v & (v - 1) == 0:
                yield member

    def __iter__(self):
        for member in self.__class__._iter_canonical_():
            if member._value_ & self._value_ == member._value_:
                yield member

    def __len__(self):
        return bin(self._value_).count('1')

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"'{type(other).__qualname__}' and '{self.__class__.__qualname__}'")
        return other._value_ & self._value_ == other._value_

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return f'<{cls_name}: {self._value_!r}>'
        return f'<{cls_name}.{self._name_}: {self._value_!r}>'

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return f'{cls_name}({self._value_!r})'
        return f'{cls_name}.{self._name_}'

    def __bool__(self):
        return bool(self._value_)

    def _other_value(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if isinstance(other, int) and issubclass(self.__class__, int):
            return int(other)
        return NotImplemented

    def __or__(self, other):
        v = self._other_value(other)
        if v is NotImplemented:
            return v
        return self.__class__(self._value_ | v)

    def __and__(self, other):
        v = self._other_value(other)
        if v is NotImplemented:
            return v
        return self.__class__(self._value_ & v)

    def __xor__(self, other):
        v = self._other_value(other)
        if v is NotImplemented:
            return v
        return self.__class__(self._value_ ^ v)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return self.__class__(self.__class__._flag_mask_ & ~self._value_)


class IntFlag(int, ReprEnum, Flag):
    """Flag whose members are also ints."""

    def __str__(self):
        return repr(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__or__
    __rand__ = Flag.__and__
    __rxor__ = Flag.__xor__
    __invert__ = Flag.__invert__
    __hash__ = int.__hash__
    __repr__ = Flag.__repr__


def unique(enumeration):
    """Class decorator: raise ValueError if any member is an alias."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member._name_:
            duplicates.append((name, member._name_))
    if duplicates:
        details = ', '.join(f'{alias} -> {name}' for alias, name in duplicates)
        raise ValueError(f'duplicate values found in {enumeration!r}: {details}')
    return enumeration


def global_enum(cls):
    import sys
    sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls
