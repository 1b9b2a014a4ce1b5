# A tour of the builtins on ordinary values.
print(len("abc"), len([1]), len({}), len(range(10)), len(b"xy"), len({1, 2}), len((1, 2, 3)))
print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -3)), range(5), range(1, 5, 2), range(0), list(range(-3)))
print(range(10)[2], range(10)[-1], range(10)[2:5], range(0, 10, 2)[::-1], 5 in range(10), range(10).index(3), range(0, 10, 2).count(4))
print(int(), float(), str(), bool(), list(), tuple(), dict(), set(), int("10", 2), float(" 1.5 "), float("-inf"), float("1e3"))
print(repr("x"), repr(1.0), repr([1, "a"]), repr(None), bool(0), bool("a"), bool([]), bool(None), bool(0.0))
print(list("ab"), list((1, 2)), list({"a": 1}), tuple([1]), dict([(1, 2)]), dict(a=1, b=2), dict({1: 2}, x=3), set([1, 1]))
print(type(1).__name__, type("") is str, isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance([], list))
class A:
    x = 1
a = A()
print(hasattr(a, "x"), hasattr(a, "y"), getattr(a, "x"), getattr(a, "y", "dflt"))
setattr(a, "y", 5); print(a.y, a.__dict__); delattr(a, "y"); print(hasattr(a, "y"))
print(id(a) == id(a), id(a) != id(A()), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)), hash(None) is not None)
print(abs(-1), min(3, 1), max([1, 5, 3]), min("bca"), max([1, 2], [1, 3]), sum([1.5, 2]), sum((1, 2), 10))
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), pow(2, 3), pow(2.0, -1), pow(-1, 0.5) if False else "", round(3.14159, 2), round(-0.5))
print(sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower), sorted({3: 1, 1: 2}), sorted("cba"))
print(list(reversed([1, 2, 3])), list(reversed("ab")), list(reversed(range(3))), list(reversed((1, 2))))
print(list(enumerate("ab")), list(enumerate("ab", 1)), list(zip([1, 2], "ab", (True, False))), list(zip()), list(zip([1], [])))
print(list(map(str, [1, 2])), list(map(lambda a, b: a + b, [1, 2], [3, 4])), list(filter(None, [0, 1, "", "a"])), list(filter(lambda v: v > 1, [1, 2, 3])))
print(any([0, 1]), all([1, 1]), any(()), all(()))
it = iter([1, 2])
print(next(it), next(it), next(it, "end"), list(iter(range(2))), list(iter([])))
print(ord("a"), chr(97), hex(255), hex(-255), oct(8), oct(-8), bin(5), bin(-5), bin(0), hex(0))
print(format(3.14159, ".2f"), format(42), format(42, "08b"), format("x", ">3"), format(1234567, ","), format(0.5, ".0%"))
print(callable(len), callable(A), callable(a), callable(lambda: 0), callable(1))
print(str(1), str(1.0), str(-0.0), str(1e16), str(1.5e-7), str(123456789.123), str(0.1), str(100.0), str(1e15))
print(isinstance(A, type), type(A), type(a), type(len), type(None), type(type), A.__name__, a.__class__.__name__)
print(list(map(int, "123")), max(range(5), key=lambda v: -v), min([], default="e"), max(1, 2, key=lambda v: v % 2))
print(abs(True), int(True), float(False), str(False), hash(True) == hash(1), True == 1)
print(iter("ab").__next__(), next(iter({"k": 1})), list(iter({1: 2}.items())), list(dict.fromkeys("ab", 0).items()))
print(issubclass(bool, int), issubclass(int, (str, object)), type(iter([])).__name__, type(iter("")).__name__)
print(divmod(-7.5, -2), 7 // -2.0, -7 % 2.5, round(1.25, 1), round(1.35, 1), round(-1.5), round(2.5, 0))
print(int(" -12 "), int("+5"), int("0o17", 8), int("0x1F", 16), int("1_2"), float("1_0.5"), float(".5"), float("5."), float("nan") != float("nan"))
print(sum([]), sum([], 5), min((1, "a"), (1, "b")), max("a", "b", "c"), sorted([(2, "a"), (1, "b"), (2, "A")]))
print(vars(a) is a.__dict__, dir(a)[-2:] if False else "", "x" in dir(A))
# expect: 3 1 0 10 2 2 3
# expect: [0, 1, 2, 3, 4] [2, 5, 8] [10, 7, 4, 1] range(0, 5) range(1, 5, 2) range(0, 0) []
# expect: 2 9 range(2, 5) range(8, -2, -2) True 3 1
# expect: 0 0.0  False [] () {} set() 2 1.5 -inf 1000.0
# expect: 'x' 1.0 [1, 'a'] None False True False False False
# expect: ['a', 'b'] [1, 2] ['a'] (1,) {1: 2} {'a': 1, 'b': 2} {1: 2, 'x': 3} {1}
# expect: int True True True False True
# expect: True False 1 dflt
# expect: 5 {'y': 5}
# expect: False
# expect: True True True True True
# expect: 1 1 5 a [1, 3] 3.5 13
# expect: (3, 1) (-4, 1) (3.0, 1.5) 8 0.5  3.14 0
# expect: [1, 2, 3] [3, 2, 1] ['A', 'b', 'c'] [1, 3] ['a', 'b', 'c']
# expect: [3, 2, 1] ['b', 'a'] [2, 1, 0] [2, 1]
# expect: [(0, 'a'), (1, 'b')] [(1, 'a'), (2, 'b')] [(1, 'a', True), (2, 'b', False)] [] []
# expect: ['1', '2'] [4, 6] [1, 'a'] [2, 3]
# expect: True True False True
# expect: 1 2 end [0, 1] []
# expect: 97 a 0xff -0xff 0o10 -0o10 0b101 -0b101 0b0 0x0
# expect: 3.14 42 00101010   x 1,234,567 50%
# expect: True True False True False
# expect: 1 1.0 -0.0 1e+16 1.5e-07 123456789.123 0.1 100.0 1000000000000000.0
# expect: True <class 'type'> <class '__main__.A'> <class 'builtin_function_or_method'> <class 'NoneType'> <class 'type'> A A
# expect: [1, 2, 3] 0 e 1
# expect: 1 1 0.0 False True True
# expect: a k [(1, 2)] [('a', 0), ('b', 0)]
# expect: True True list_iterator str_ascii_iterator
# expect: (3.0, -1.5) -4.0 0.5 1.2 1.4 -2 2.0
# expect: -12 5 15 31 12 10.5 0.5 5.0 True
# expect: 0 5 (1, 'a') c [(1, 'b'), (2, 'A'), (2, 'a')]
# expect: True  True
