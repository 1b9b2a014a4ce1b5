# dataclasses: @dataclass options, field(), fields/asdict/astuple/replace, errors.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError, InitVar, KW_ONLY
import dataclasses

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p != Point(1, 3))
# expect: Point(x=1, y=2) Point(x=3, y=0) True True
print(Point.__hash__)  # expect: None
print([f.name for f in fields(p)], fields(Point)[0].type)  # expect: ['x', 'y'] <class 'int'>

@dataclass(frozen=True, order=True)
class V:
    a: int
    b: str = "z"
v = V(1)
try:
    v.a = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
# expect: FrozenInstanceError cannot assign to field 'a' True
print(hash(v) == hash(V(1)), V(1) < V(2), sorted([V(2), V(1, 'a'), V(1)]))
# expect: True True [V(a=1, b='a'), V(a=1, b='z'), V(a=2, b='z')]

class Outer:
    @dataclass
    class Inner:
        items: list = field(default_factory=list)
        n: int = field(default=5, repr=False)
print(Outer.Inner(), Outer.Inner([1]).items)  # expect: Outer.Inner(items=[]) [1]

@dataclass
class Line:
    start: Point
    end: Point
    tags: dict = field(default_factory=dict)
ln = Line(Point(1, 2), Point(3, 4), {'k': [Point(5, 6)]})
print(asdict(ln))
# expect: {'start': {'x': 1, 'y': 2}, 'end': {'x': 3, 'y': 4}, 'tags': {'k': [{'x': 5, 'y': 6}]}}
print(astuple(ln))  # expect: ((1, 2), (3, 4), {'k': [(5, 6)]})
print(replace(p, y=9), is_dataclass(p), is_dataclass(Point), is_dataclass(1))
# expect: Point(x=1, y=9) True True False

try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print(e)
# expect: mutable default <class 'list'> for field items is not allowed: use default_factory
try:
    @dataclass
    class Bad2:
        x: int = 1
        y: int
except TypeError as e:
    print(e)
# expect: non-default argument 'y' follows default argument

@dataclass
class C:
    a: int
    scale: InitVar[int] = 2
    total: int = field(init=False)
    def __post_init__(self, scale):
        self.total = self.a * scale
print(C(3), C(3, 10).total)  # expect: C(a=3, total=6) 30

@dataclass
class P3(Point):
    z: int = 7
print(P3(1, 2, 3), P3(1))  # expect: P3(x=1, y=2, z=3) P3(x=1, y=0, z=7)

@dataclass(unsafe_hash=True)
class H:
    a: int
    b: int = field(compare=False)
print(hash(H(1, 2)) == hash(H(1, 3)), H(1, 2) == H(1, 3))  # expect: True True

@dataclass(kw_only=True)
class K:
    a: int
    b: int = 2
print(K(a=1))  # expect: K(a=1, b=2)
try:
    K(1)
except TypeError as e:
    print('TypeError')
# expect: TypeError

@dataclass
class K2:
    a: int
    _: KW_ONLY
    b: int
print(K2(1, b=2), K2.__match_args__)  # expect: K2(a=1, b=2) ('a',)

@dataclass(eq=False)
class NE:
    a: int
print(NE(1) == NE(1), NE.__hash__ is object.__hash__)  # expect: False True
print(dataclasses.MISSING is dataclasses.MISSING, repr(Point.__init__.__qualname__))
# expect: True 'Point.__init__'

def make():
    @dataclass
    class Local:
        count: "ClassVar[int]" = 0
        name: str = "n"   # a comment: with a colon
        """A string: not a field."""
        def method(self):
            x: int = 3
            return x
    return Local
L = make()
print(L(), [f.name for f in fields(L)], L.count, L().method())
# expect: make.<locals>.Local(count=0, name='n') ['count', 'name'] 0 3

@dataclass
class Weird:
    self: int
    d: "dict[str, int]" = field(default_factory=dict)
w1, w2 = Weird(1), Weird(1)
w1.d['a'] = 1
print(w1, w2, Weird(self=5))
# expect: Weird(self=1, d={'a': 1}) Weird(self=1, d={}) Weird(self=5, d={})

@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)
root = Node(1, [Node(2), Node(3, [Node(4)])])
print(root)
# expect: Node(value=1, children=[Node(value=2, children=[]), Node(value=3, children=[Node(value=4, children=[])])])
print(asdict(root))
# expect: {'value': 1, 'children': [{'value': 2, 'children': []}, {'value': 3, 'children': [{'value': 4, 'children': []}]}]}
try:
    fields(42)
except TypeError as e:
    print(e)
# expect: must be called with a dataclass type or instance
try:
    replace(C(1), total=3)
except ValueError as e:
    print(e)
# expect: field total is declared with init=False, it cannot be specified with replace()
try:
    p.nope = 1
    del V(1).a
except FrozenInstanceError as e:
    print(e)
# expect: cannot delete field 'a'
try:
    @dataclass(order=True, eq=False)
    class NoEq:
        a: int
except ValueError as e:
    print(e)
# expect: eq must be true if order is true
try:
    @dataclass
    class Mixed(V):
        c: int = 0
except TypeError as e:
    print(e)
# expect: cannot inherit non-frozen dataclass from a frozen one

