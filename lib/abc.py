"""Abstract base classes (gilvm's own implementation).

gilvm's object.__new__ does not look at __abstractmethods__, so ABCMeta checks
for unimplemented abstract methods in its __call__. isinstance() and
issubclass() consult ABCMeta's __instancecheck__/__subclasscheck__, so
classes added with ABCMeta.register() count as subclasses.
"""


def abstractmethod(funcobj):
    """Mark a method as abstract."""
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(value):
    if getattr(value, '__isabstractmethod__', False):
        return True
    if isinstance(value, property):
        return any(getattr(f, '__isabstractmethod__', False)
                   for f in (value.fget, value.fset, value.fdel) if f is not None)
    if isinstance(value, (classmethod, staticmethod)):
        return getattr(value.__func__, '__isabstractmethod__', False)
    return False


def abstractclassmethod(callable):
    """Deprecated: use classmethod(abstractmethod(f)).  (A function here:
    gilvm cannot subclass classmethod.)"""
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    """Deprecated: use staticmethod(abstractmethod(f))."""
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def _compute_abstracts(cls, namespace, bases):
    abstracts = {name for name, value in namespace.items() if _is_abstract(value)}
    for base in bases:
        for name in getattr(base, '__abstractmethods__', ()):
            if _is_abstract(_lookup(cls, name)):
                abstracts.add(name)
    return frozenset(abstracts)


def _lookup(cls, name):
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return klass.__dict__[name]
    return None


_abc_invalidation_counter = 0


class ABCMeta(type):
    """Metaclass for abstract base classes."""

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace, bases)
        cls._abc_registry = []
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = getattr(cls, '__abstractmethods__', None)
        if abstracts:
            names = sorted(abstracts)
            word = 'method' if len(names) == 1 else 'methods'
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} "
                            f"with abstract {word} {', '.join(names)}")
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Register a virtual subclass of an ABC (returns the subclass)."""
        if not isinstance(subclass, type):
            raise TypeError('Can only register classes')
        if cls._abc_subclasscheck(subclass):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError('Refusing to create an inheritance cycle')
        global _abc_invalidation_counter
        cls._abc_registry.append(subclass)
        _abc_invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        return cls._abc_subclasscheck(subclass)

    def _abc_subclasscheck(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if cls in subclass.__mro__:
            return True
        hook = getattr(cls, '__subclasshook__', None)
        if hook is not None:
            ok = hook(subclass)
            if ok is not NotImplemented:
                return bool(ok)
        for registered in cls._abc_registry:
            if registered in subclass.__mro__:
                return True
            if isinstance(registered, ABCMeta) and registered._abc_subclasscheck(subclass):
                return True
        for sub in type.__subclasses__(cls) if hasattr(type, '__subclasses__') else ():
            if isinstance(sub, ABCMeta) and sub is not cls and sub._abc_subclasscheck(subclass):
                return True
        return False

    def _dump_registry(cls, file=None):
        print(f'Class: {cls.__module__}.{cls.__qualname__}', file=file)
        print(f'Inv. counter: {get_cache_token()}', file=file)
        print(f'_abc_registry: {cls._abc_registry!r}', file=file)


class ABC(metaclass=ABCMeta):
    """Helper class: subclass ABC instead of writing metaclass=ABCMeta."""
    __slots__ = ()

    @classmethod
    def __subclasshook__(cls, subclass):
        return NotImplemented


def get_cache_token():
    return _abc_invalidation_counter


def update_abstractmethods(cls):
    """Recompute an ABC's abstract methods after it was modified."""
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for name in getattr(cls, '__abstractmethods__', ()):
        if _is_abstract(getattr(cls, name, None)):
            abstracts.add(name)
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls
