# Methods of int, float, str, dict views; frozenset; bytearray; sorting.
fs = frozenset([1, 2, 3])
print(fs, fs | {4}, type(fs | {4}).__name__, hash(fs) == hash(frozenset([3, 2, 1])), {fs: 1}[frozenset({1, 2, 3})], frozenset(), fs.issubset({1, 2, 3, 4}))  # expect: frozenset({1, 2, 3}) frozenset({1, 2, 3, 4}) frozenset True 1 frozenset() True
ba = bytearray(b"abc"); ba.append(100); ba[0] = 65
print(ba, len(ba), ba[1], ba[1:], bytes(ba), ba.decode(), ba + b"!", ba * 2)  # expect: bytearray(b'Abcd') 4 98 bytearray(b'bcd') b'Abcd' Abcd bytearray(b'Abcd!') bytearray(b'AbcdAbcd')
ba.extend(b"xy"); del ba[0]
print(ba, ba.pop(), ba.find(b"c"), ba.upper(), bytearray(3), bytearray([1, 2]))  # expect: bytearray(b'bcdx') 121 1 bytearray(b'BCDX') bytearray(b'\x00\x00\x00') bytearray(b'\x01\x02')

print(sorted([3, 1, 2], key=lambda x: -x), min([], default=0), max([], default="d"), min(3, 1, 2, key=lambda x: -x), max("abc", key=ord), min([(1, "b"), (1, "a")]))  # expect: [3, 2, 1] 0 d 3 c (1, 'a')
try:
    min([])
except ValueError as e:
    print(e)  # expect: min() arg is an empty sequence
try:
    max()
except TypeError as e:
    print(e)  # expect: max expected at least 1 argument, got 0
data = [(1, "a"), (0, "b"), (1, "c"), (0, "d")]
print(sorted(data, key=lambda x: x[0]), sorted(data, key=lambda x: x[0], reverse=True))  # expect: [(0, 'b'), (0, 'd'), (1, 'a'), (1, 'c')] [(1, 'a'), (1, 'c'), (0, 'b'), (0, 'd')]
l = list(data); l.sort(key=lambda x: x[0]); print(l)  # expect: [(0, 'b'), (0, 'd'), (1, 'a'), (1, 'c')]

print((255).bit_length(), (0).bit_length(), (-8).bit_length(), (1 << 100).bit_length(), (5).bit_count())  # expect: 8 0 4 101 2
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, byteorder="little"), (-1).to_bytes(2, "big", signed=True))  # expect: b'\x04\x00' b'\x00\x04' b'\xff\xff'
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes([1, 0], "little"))  # expect: 1024 -1 1
print(int.from_bytes.__self__ is int, dict.fromkeys("ab"))  # expect: True {'a': None, 'b': None}
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(e)  # expect: int too big to convert
print((2.0).is_integer(), (2.5).is_integer(), (1.5).as_integer_ratio())  # expect: True False (3, 2)

s = "a,b,c"
print(s.partition(","), s.rpartition(","), s.partition("x"), s.rpartition("x"))  # expect: ('a', ',', 'b,c') ('a,b', ',', 'c') ('a,b,c', '', '') ('', '', 'a,b,c')
print("a\nb\r\nc\rd".splitlines(), "a\nb\n".splitlines(True), "".splitlines(), "x\x0by\x1cz".splitlines())  # expect: ['a', 'b', 'c', 'd'] ['a\n', 'b\n'] [] ['x', 'y', 'z']
print("a\tb\tc".expandtabs(), "a\tbc\td".expandtabs(4), "  \t\n".isspace(), "".isspace(), "ABC".isupper(), "AbC".isupper(), "abc1".islower(), "Hello World".istitle(), "hello World".istitle())  # expect: a       b       c a   bc  d True False True False True True False
print("ab".ljust(5, "*"), "ab".rjust(5), "ab".center(6, "-"), "ab".zfill(5), "-12".zfill(5))  # expect: ab***    ab --ab-- 000ab -0012
print("banana".count("a"), "banana".count("an", 2), "banana".index("n"), "banana".rindex("n"), "banana".rfind("z"), "banana".find("n", 3, 5))  # expect: 3 1 2 4 -1 4
for call in (lambda: "abc".index("z"), lambda: "abc".rindex("z")):
    try:
        call()
    except ValueError as e:
        print(e)
        # expect: substring not found
        # expect: substring not found
t = str.maketrans("abc", "xyz", "d")
print("abcdd".translate(t), "abc".translate({97: None, 98: "BB"}), str.maketrans({"a": "1"}))  # expect: xyz BBc {97: '1'}
print("Straße".casefold(), "ß".upper(), "hello world".title(), "HeLLo".swapcase(), "ab cd".capitalize())  # expect: strasse SS Hello World hEllO Ab cd

d = {"a": 1, "b": 2, "c": 3}
print(sorted(d.keys() & {"a", "z"}), sorted(d.keys() | {"z"}), sorted(d.keys() - {"a"}), sorted(d.keys() ^ {"a", "q"}))  # expect: ['a'] ['a', 'b', 'c', 'z'] ['b', 'c'] ['b', 'c', 'q']
print(d.items() & {("a", 1)}, d.keys() == {"a", "b", "c"}, "a" in d.keys(), ("a", 1) in d.items(), d.keys().isdisjoint({"x"}))  # expect: {('a', 1)} True True True True
print(sorted(d.values()), len(d.items()), list(reversed(d.keys())), d.keys() <= {"a", "b", "c", "d"})  # expect: [1, 2, 3] 3 ['c', 'b', 'a'] True

print(id(d) == id(d), hash(1) == hash(1.0), callable(print), callable(None))  # expect: True True True False
count = [0]
def nxt():
    count[0] += 1
    return count[0]
print(list(iter(nxt, 4)))  # expect: [1, 2, 3]
for call in (lambda: issubclass(1, int), lambda: issubclass(int, 1), lambda: isinstance(1, 1)):
    try:
        call()
    except TypeError as e:
        print(e)
        # expect: issubclass() arg 1 must be a class
        # expect: issubclass() arg 2 must be a class, a tuple of classes, or a union
        # expect: isinstance() arg 2 must be a type, a tuple of types, or a union
print(isinstance(1, (str, (int, float))), issubclass(bool, (str, int)), isinstance(True, int), isinstance(int, type))  # expect: True True True True
class A:
    def __init__(s): s.x = 1
    def m(s): pass
print([n for n in dir(A()) if not n.startswith("__")], dir(A) == sorted(dir(A)), vars(A)["m"].__name__)  # expect: ['m', 'x'] True m
try:
    vars(1)
except TypeError as e:
    print(e)  # expect: vars() argument must have __dict__ attribute
