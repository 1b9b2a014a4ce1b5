# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, functional API.
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self): return f"{self.name}={self.value}"
    @classmethod
    def default(cls): return cls.GREEN
print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color.CRIMSON is Color.RED)  # expect: Color.RED <Color.RED: 1> RED 1 True
print(list(Color), len(Color), Color(2), Color['BLUE'], Color.RED in Color, Color.default(), Color.BLUE.describe())  # expect: [<Color.RED: 1>, <Color.GREEN: 2>, <Color.BLUE: 3>] 3 Color.GREEN Color.BLUE True Color.GREEN BLUE=3
try: Color(7)
except ValueError as e: print(e)  # expect: 7 is not a valid Color
try: Color['X']
except KeyError as e: print(repr(e))  # expect: KeyError('X')
try: Color.RED < Color.GREEN
except TypeError as e: print(e)  # expect: '<' not supported between instances of 'Color' and 'Color'
print(Color.__members__)  # expect: {'RED': <Color.RED: 1>, 'GREEN': <Color.GREEN: 2>, 'BLUE': <Color.BLUE: 3>, 'CRIMSON': <Color.RED: 1>}
print({Color.RED: 'r'}[Color.CRIMSON], Color.RED == Color.RED, Color.RED != Color.BLUE, Color.RED == 1, type(Color.RED), isinstance(Color.RED, Color))  # expect: r True True False <enum 'Color'> True
print(repr(Color), f"{Color.RED}", f"{Color.RED:>12}|")  # expect: <enum 'Color'> Color.RED    Color.RED|
class C(IntEnum):
    A = 1
    B = 2
print(str(C.A), repr(C.A), format(C.A), f"{C.A}", C.A + 1, C.A < C.B, C.A == 1, sorted([C.B, C.A]), C(2), hash(C.A) == hash(1))  # expect: 1 <C.A: 1> 1 1 2 True True [<C.A: 1>, <C.B: 2>] 2 True
class S(str, Enum):
    A = 'a'
print(str(S.A), format(S.A), f"{S.A}", repr(S.A), S.A == 'a', S('a'))  # expect: S.A S.A S.A <S.A: 'a'> True S.A
try:
    @unique
    class U(Enum):
        A = 1; B = 1; C = 2; D = 2
except ValueError as e: print(e)  # expect: duplicate values found in <enum 'U'>: B -> A, D -> C
try:
    class C2(Color): pass
except TypeError as e: print(e)  # expect: <enum 'C2'> cannot extend <enum 'Color'>
class F(Flag):
    A = auto(); B = auto(); C = auto()
print(repr(F), ~F.A, list(F.A | F.C), F.A | F.B | F.C, (F.A|F.B).name, F(0).name, str(F(0)), F.A in (F.A|F.B), F.C in (F.A|F.B), bool(F(0)), repr(F.A & F.B), list(F))  # expect: <flag 'F'> F.B|C [<F.A: 1>, <F.C: 4>] F.A|B|C A|B None F(0) True False False <F: 0> [<F.A: 1>, <F.B: 2>, <F.C: 4>]
class IP(IntFlag):
    R = 4; W = 2; X = 1
print(IP.R | IP.W, repr(IP.R | IP.W), IP.R | 8, repr(IP.R|8), str(IP.R), IP.R + 1, IP.R == 4)  # expect: 6 <IP.R|W: 6> 12 <IP.R|8: 12> 4 5 True
class A(Enum):
    X = auto(); Y = auto()
print(list(A), repr(Enum), repr(IntEnum))  # expect: [<A.X: 1>, <A.Y: 2>] <enum 'Enum'> <enum 'IntEnum'>
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.ANT.value, Animal(2))  # expect: [<Animal.ANT: 1>, <Animal.BEE: 2>, <Animal.CAT: 3>] 1 Animal.BEE
class SE(StrEnum):
    K = auto()
print(repr(SE.K), str(SE.K), SE.K == 'k')  # expect: <SE.K: 'k'> k True
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value, Planet((3.303e+23, 2.4397e6)))  # expect: 5.976e+24 (5.976e+24, 6378140.0) Planet.MERCURY
class Ordered(Enum):
    def __lt__(self, other): return self.value < other.value
    LOW = 1; HIGH = 2
print(Ordered.LOW < Ordered.HIGH, sorted([Ordered.HIGH, Ordered.LOW]))  # expect: True [<Ordered.LOW: 1>, <Ordered.HIGH: 2>]
class G(Enum):
    def _generate_next_value_(name, start, count, last_values): return name.lower()
    N = auto(); S = auto()
print(list(G), [m.value for m in reversed(G)])  # expect: [<G.N: 'n'>, <G.S: 's'>] ['s', 'n']
