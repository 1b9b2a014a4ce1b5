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
