# collections.abc: CPython's _collections_abc running on gilvm, with the
# registrations of the built-in types and gilvm's deque, virtual subclasses,
# __subclasshook__ (Iterable, Sized, Hashable), and type.__subclasses__.
import collections.abc as abc
from collections import deque, OrderedDict, defaultdict

checks = [
    ([], abc.MutableSequence), ((), abc.Sequence), ("", abc.Sequence), (b"", abc.ByteString),
    (range(3), abc.Sequence), ({}, abc.MutableMapping), ({}.keys(), abc.KeysView), ({}.items(), abc.Set),
    (set(), abc.MutableSet), (frozenset(), abc.Set), (deque(), abc.MutableSequence),
    (iter([]), abc.Iterator), ((x for x in ()), abc.Generator), (len, abc.Callable), (1, abc.Hashable),
    ([], abc.Hashable), (OrderedDict(), abc.Mapping), (defaultdict(int), abc.Mapping), (memoryview(b""), abc.Sequence),
]
for obj, cls in checks:
    print(type(obj).__name__, cls.__name__, isinstance(obj, cls))


class Bag:
    def __init__(self, items):
        self.items = list(items)

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def __contains__(self, x):
        return x in self.items


print(isinstance(Bag([]), abc.Iterable), isinstance(Bag([]), abc.Sized), isinstance(Bag([]), abc.Collection),
      isinstance(Bag([]), abc.Sequence))


class Squares(abc.Sequence):
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * i

    def __len__(self):
        return self.n


s = Squares(5)
print(list(s), 9 in s, s.index(16), s.count(4), list(reversed(s)), isinstance(s, abc.Reversible))
try:
    abc.Sequence()
except TypeError as e:
    print("TypeError:", e)


class Registered:
    pass


abc.Sequence.register(Registered)
print(isinstance(Registered(), abc.Sequence), issubclass(Registered, abc.Iterable))
print(abc.Sequence.__subclasses__()[:2], Squares in abc.Sequence.__subclasses__())


class Base:
    pass


class Left(Base):
    pass


class Right(Base):
    pass


print(Base.__subclasses__(), Left.__subclasses__())

match Squares(3):
    case [a, b, c]:
        print("a Sequence subclass matches a sequence pattern:", a, b, c)

# The expected output, in order:
# expect: list MutableSequence True
# expect: tuple Sequence True
# expect: str Sequence True
# expect: bytes ByteString True
# expect: range Sequence True
# expect: dict MutableMapping True
# expect: dict_keys KeysView True
# expect: dict_items Set True
# expect: set MutableSet True
# expect: frozenset Set True
# expect: deque MutableSequence True
# expect: list_iterator Iterator True
# expect: generator Generator True
# expect: builtin_function_or_method Callable True
# expect: int Hashable True
# expect: list Hashable False
# expect: OrderedDict Mapping True
# expect: defaultdict Mapping True
# expect: memoryview Sequence True
# expect: True True True False
# expect: [0, 1, 4, 9, 16] True 4 1 [16, 9, 4, 1, 0] True
# expect: TypeError: Can't instantiate abstract class Sequence with abstract methods __getitem__, __len__
# expect: True True
# expect: [<class 'collections.abc.ByteString'>, <class 'collections.abc.MutableSequence'>] True
# expect: [<class '__main__.Left'>, <class '__main__.Right'>] []
# expect: a Sequence subclass matches a sequence pattern: 0 1 4
