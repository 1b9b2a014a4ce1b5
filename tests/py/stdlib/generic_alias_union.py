# Typing forms on classes: list[int] and friends (types.GenericAlias) and
# int | None (types.UnionType), as annotations in module and class bodies use them.
x: list[int] = []
y: int | None = None
print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type[int])  # expect: list[int] dict[str, list[int]] tuple[int, ...] tuple[()] type[int]
print(int | None, int | str | None, (int | str) == (str | int), list[int] | None)  # expect: int | None int | str | None True list[int] | None
print(list[int]() , list[int] == list[int], None | int)  # expect: [] True None | int
from dataclasses import dataclass, field
@dataclass
class C:
    items: list[str] = field(default_factory=list)
    n: int | None = None
print(C(), C.__annotations__)  # expect: C(items=[], n=None) {'items': list[str], 'n': int | None}
try:
    int | 3
except TypeError as e:
    print(e)  # expect: unsupported operand type(s) for |: 'type' and 'int'
try:
    int[3]
except TypeError as e:
    print(e)  # expect: type 'int' is not subscriptable
print(isinstance(3, int | str), isinstance(3.0, int | str), issubclass(bool, int | None))  # expect: True False True


class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == 42

    def __subclasscheck__(cls, sub):
        return sub is float


class Magic(metaclass=Meta):
    pass


print(isinstance(42, Magic), isinstance(41, Magic), isinstance(Magic(), Magic))  # expect: True False True
print(issubclass(float, Magic), issubclass(int, Magic), issubclass(int, (str, Magic)))  # expect: True False False
