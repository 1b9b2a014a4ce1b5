# The match statement (PEP 634): every kind of pattern, guards, captures,
# the soft keywords, and the errors raised at run time.
import collections


def describe(x):
    match x:
        case None:
            return "none"
        case True:
            return "true"
        case 0 | 1 | 2:
            return f"small {x}"
        case -1:
            return "minus one"
        case 3.5:
            return "three and a half"
        case "hello" "!":
            return "greeting"
        case b"raw":
            return "bytes"
        case int(n) if n > 100:
            return f"big int {n}"
        case int():
            return "other int"
        case str() as s:
            return f"str {s!r}"
        case []:
            return "empty sequence"
        case [single]:
            return f"one item {single!r}"
        case [first, *rest] if not rest:
            return "unreachable"
        case (a, b):
            return f"pair {a!r} {b!r}"
        case [first, *middle, last]:
            return f"first {first!r} middle {middle!r} last {last!r}"
        case {"kind": "point", "x": px, "y": py}:
            return f"point {px},{py}"
        case {"kind": k, **others}:
            return f"kind {k} others {sorted(others.items())}"
        case {}:
            return "some mapping"
        case _:
            return f"something else: {type(x).__name__}"


for value in [None, True, False, 0, 1, 2, -1, 3.5, "hello!", b"raw", 1000, 42, "text", [], (),
              [7], (8,), [1, 2], (3, 4), [1, 2, 3, 4], range(5), "ab", {"kind": "point", "x": 1, "y": 2},
              {"kind": "circle", "r": 3, "c": 0}, {"other": 1}, {}, 2.5, collections.deque([1, 2])]:
    print(repr(value)[:40], "->", describe(value))


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def where(p):
    match p:
        case Point3(0, 0, 0):
            return "origin3"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on the y axis at {yy}"
        case Point(xx, 0):
            return f"on the x axis at {xx}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(x=x, y=y):
            return f"at {x},{y}"
        case [Point(x=x1), Point(x=x2)]:
            return f"two points x={x1},{x2}"
        case (Point() | None) as thing:
            return f"alt {thing!r}"
    return "no match"


for p in [Point(0, 0), Point3(0, 0, 0), Point3(1, 1, 0), Point(0, 5), Point(4, 0), Point(3, 3), Point(1, 2),
          [Point(1, 0), Point(2, 0)], None, 7]:
    print(where(p))


# Or-patterns binding the same names, nested captures, as-patterns.
def shape(v):
    match v:
        case [("circle" | "disc") as kind, r] | {"kind": ("circle" | "disc") as kind, "r": r}:
            return f"{kind} radius {r}"
        case [[a, b], [c, d]]:
            return f"matrix {a}{b}{c}{d}"
        case [1, [2, [3, x]]]:
            return f"deep {x}"
        case _:
            return "?"


for v in [["circle", 2], {"kind": "disc", "r": 5}, [[1, 2], [3, 4]], [1, [2, [3, "x"]]], "circle"]:
    print(shape(v))

# Strings, bytes and bytearrays are not sequences to a pattern.
for v in ["ab", b"ab", bytearray(b"ab"), ["a", "b"]]:
    match v:
        case [x, y]:
            print("sequence of two", x, y)
        case _:
            print("not a sequence pattern:", type(v).__name__)

# Built-in classes match themselves with one positional pattern.
for v in [1, 1.5, "s", b"b", [1], (1,), {1: 2}, {1}, frozenset({2}), True, bytearray(b"x")]:
    match v:
        case bool(b):
            print("bool", b)
        case int(i):
            print("int", i)
        case float(f):
            print("float", f)
        case str(s) | bytes(s) | bytearray(s):
            print("text-ish", s)
        case list(l) | tuple(l):
            print("list or tuple", l)
        case dict(d):
            print("dict", d)
        case set(s) | frozenset(s):
            print("set", sorted(s))

# The subject is evaluated once; a tuple subject without parentheses.
calls = []


def subject():
    calls.append(1)
    return 3


match subject():
    case 1:
        pass
    case 2:
        pass
    case 3:
        print("three, evaluated", len(calls), "time")

a, b = 1, 2
match a, b:
    case 1, 2:
        print("tuple subject")

match (1, 2, 3):
    case 1, *rest:
        print("open sequence", rest)

# Captures leak into the scope, as assignments do; the guard sees them.
match [10, 20]:
    case [first, second] if first < second:
        print("guarded", first, second)
print("after", first, second)

# Value patterns through dotted names; mapping keys from attributes.
class Color:
    RED = 1
    GREEN = 2


for c in [1, 2, 3]:
    match c:
        case Color.RED:
            print("red")
        case Color.GREEN:
            print("green")
        case other:
            print("other", other)

match {1: "one", 2: "two"}:
    case {Color.RED: name}:
        print("mapping key from attribute:", name)

# A defaultdict's default is never used by a mapping pattern.
d = collections.defaultdict(int)
match d:
    case {"missing": _}:
        print("wrong")
    case _:
        print("defaultdict key absent", dict(d))

# match and case remain ordinary names.
match = [1, 2]
case = match[0]
print(match, case)
match.append(3)
print(match)


def match(x):
    return x * 2


print(match(4))

# Errors at run time.
class NoArgs:
    pass


class BadArgs:
    __match_args__ = ["a"]


class Nums:
    __match_args__ = (1,)


class Two:
    __match_args__ = ("a",)
    a = 1


for subject_, fn in [(NoArgs(), lambda s: NoArgs(1)), ]:
    pass

tests = [
    ("NoArgs(1)", NoArgs()),
    ("BadArgs(1)", BadArgs()),
    ("Nums(1)", Nums()),
    ("Two(1, a=1)", Two()),
    ("Two(1, 2)", Two()),
    ("len()", 1),
    ("int(1, 2)", 5),
]
for pattern_src, value in tests:
    src = f"match value:\n    case {pattern_src}:\n        pass\n"
    try:
        exec(src, {"value": value, "NoArgs": NoArgs, "BadArgs": BadArgs, "Nums": Nums, "Two": Two})
        print(pattern_src, "ok")
    except TypeError as e:
        print(pattern_src, "TypeError:", e)

# Attribute errors mean no match; other errors propagate.
class Prop:
    __match_args__ = ("boom",)

    @property
    def boom(self):
        raise KeyError("inside")


try:
    match Prop():
        case Prop(x):
            print("no")
except KeyError as e:
    print("propagated", e)

match Point(1, 2):
    case Point(z=1):
        print("no")
    case _:
        print("missing attribute: no match")

# The expected output, in order:
# expect: None -> none
# expect: True -> true
# expect: False -> small False
# expect: 0 -> small 0
# expect: 1 -> small 1
# expect: 2 -> small 2
# expect: -1 -> minus one
# expect: 3.5 -> three and a half
# expect: 'hello!' -> greeting
# expect: b'raw' -> bytes
# expect: 1000 -> big int 1000
# expect: 42 -> other int
# expect: 'text' -> str 'text'
# expect: [] -> empty sequence
# expect: () -> empty sequence
# expect: [7] -> one item 7
# expect: (8,) -> one item 8
# expect: [1, 2] -> pair 1 2
# expect: (3, 4) -> pair 3 4
# expect: [1, 2, 3, 4] -> first 1 middle [2, 3] last 4
# expect: range(0, 5) -> first 0 middle [1, 2, 3] last 4
# expect: 'ab' -> str 'ab'
# expect: {'kind': 'point', 'x': 1, 'y': 2} -> point 1,2
# expect: {'kind': 'circle', 'r': 3, 'c': 0} -> kind circle others [('c', 0), ('r', 3)]
# expect: {'other': 1} -> some mapping
# expect: {} -> some mapping
# expect: 2.5 -> something else: float
# expect: deque([1, 2]) -> pair 1 2
# expect: origin
# expect: origin3
# expect: diagonal 1
# expect: on the y axis at 5
# expect: on the x axis at 4
# expect: diagonal 3
# expect: at 1,2
# expect: two points x=1,2
# expect: alt None
# expect: no match
# expect: circle radius 2
# expect: disc radius 5
# expect: matrix 1234
# expect: deep x
# expect: ?
# expect: not a sequence pattern: str
# expect: not a sequence pattern: bytes
# expect: not a sequence pattern: bytearray
# expect: sequence of two a b
# expect: int 1
# expect: float 1.5
# expect: text-ish s
# expect: text-ish b'b'
# expect: list or tuple [1]
# expect: list or tuple (1,)
# expect: dict {1: 2}
# expect: set [1]
# expect: set [2]
# expect: bool True
# expect: text-ish bytearray(b'x')
# expect: three, evaluated 1 time
# expect: tuple subject
# expect: open sequence [2, 3]
# expect: guarded 10 20
# expect: after 10 20
# expect: red
# expect: green
# expect: other 3
# expect: mapping key from attribute: one
# expect: defaultdict key absent {}
# expect: [1, 2] 1
# expect: [1, 2, 3]
# expect: 8
# expect: NoArgs(1) TypeError: NoArgs() accepts 0 positional sub-patterns (1 given)
# expect: BadArgs(1) TypeError: BadArgs.__match_args__ must be a tuple (got list)
# expect: Nums(1) TypeError: __match_args__ elements must be strings (got int)
# expect: Two(1, a=1) TypeError: Two() got multiple sub-patterns for attribute 'a'
# expect: Two(1, 2) TypeError: Two() accepts 1 positional sub-pattern (2 given)
# expect: len() TypeError: called match pattern must be a type
# expect: int(1, 2) TypeError: int() accepts 1 positional sub-pattern (2 given)
# expect: propagated 'inside'
# expect: missing attribute: no match
