# Type constructors and conversions.
print(int("7"), float("7"), str(7), repr("7"), bool(7), bool(0), bool(""), bool("0"))
# expect: 7 7.0 7 '7' True False False True
print(bool([]), bool([0]), bool({}), bool(None), bool(0.0), bool(-1), bool())
# expect: False True False False False True False
print(list("ab"), tuple([1]), set([1, 1]), dict(a=1), list(range(0)))
# expect: ['a', 'b'] (1,) {1} {'a': 1} []
print(type(1), type("s"), type(1.0), type(None), type([]), type(type))
# expect: <class 'int'> <class 'str'> <class 'float'> <class 'NoneType'> <class 'list'> <class 'type'>
print(type(1).__name__, type(True).__name__, type({}).__name__, type(set()).__name__)
# expect: int bool dict set
print(isinstance(1, int), isinstance(True, int), isinstance(1, float), isinstance("s", (int, str)))
# expect: True True False True
print(isinstance([], list), isinstance((), list), isinstance(1.0, (int, float)))
# expect: True False True
print(repr(str()), int(), float(), list(), tuple(), dict())  # expect: '' 0 0.0 [] () {}
print(int(True) + int(False), float(" 2.5\n"), str(0.1), str(-0))  # expect: 1 2.5 0.1 0
print(type(3) is int, type(3) == int, type(True) is bool)  # expect: True True True
