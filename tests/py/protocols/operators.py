# Arithmetic dunders: forward, reflected, in-place, unary, conversions.
class V:
    def __init__(s, x): s.x = x
    def __repr__(s): return f"V({s.x})"
    def __add__(s, o): return V(s.x + (o.x if isinstance(o, V) else o))
    def __radd__(s, o): return V(o + s.x)
    def __iadd__(s, o): s.x += o; return s
    def __sub__(s, o): return V(s.x - o)
    def __rsub__(s, o): return V(o - s.x)
    def __mul__(s, o): return V(s.x * o)
    def __rmul__(s, o): return V(o * s.x)
    def __matmul__(s, o): return "matmul"
    def __rmatmul__(s, o): return "rmatmul"
    def __imatmul__(s, o): return "imatmul"
    def __truediv__(s, o): return "truediv"
    def __rtruediv__(s, o): return "rtruediv"
    def __floordiv__(s, o): return "floordiv"
    def __rfloordiv__(s, o): return "rfloordiv"
    def __mod__(s, o): return "mod"
    def __rmod__(s, o): return "rmod"
    def __divmod__(s, o): return ("dm", o)
    def __rdivmod__(s, o): return ("rdm", o)
    def __pow__(s, o, m=None): return ("pow", o, m)
    def __rpow__(s, o): return ("rpow", o)
    def __lshift__(s, o): return "lshift"
    def __rlshift__(s, o): return "rlshift"
    def __rshift__(s, o): return "rshift"
    def __rrshift__(s, o): return "rrshift"
    def __and__(s, o): return "and"
    def __rand__(s, o): return "rand"
    def __or__(s, o): return "or"
    def __ror__(s, o): return "ror"
    def __xor__(s, o): return "xor"
    def __rxor__(s, o): return "rxor"
    def __neg__(s): return V(-s.x)
    def __pos__(s): return "pos"
    def __abs__(s): return "abs"
    def __invert__(s): return "inv"
    def __round__(s, n=None): return ("round", n)
    def __int__(s): return 7
    def __float__(s): return 2.5
    def __index__(s): return 3
v = V(1)
print(v + 1, 1 + v, v - 1, 10 - v, v * 2, 2 * v, v @ v, 1 @ v)  # expect: V(2) V(2) V(0) V(9) V(2) V(2) matmul rmatmul
w = V(1); w += 5; print(w)  # expect: V(6)
w @= 1; print(w)  # expect: imatmul
x = V(4); x -= 1; print(x)  # expect: V(3)
x *= 2; print(x)  # expect: V(6)
print(v / 1, 1 / v, v // 1, 1 // v, v % 1, 1 % v, divmod(v, 1), divmod(1, v))  # expect: truediv rtruediv floordiv rfloordiv mod rmod ('dm', 1) ('rdm', 1)
print(v ** 2, pow(v, 2, 5), 2 ** v, v << 1, 1 << v, v >> 1, 1 >> v)  # expect: ('pow', 2, None) ('pow', 2, 5) ('rpow', 2) lshift rlshift rshift rrshift
print(v & 1, 1 & v, v | 1, 1 | v, v ^ 1, 1 ^ v)  # expect: and rand or ror xor rxor
print(-v, +v, abs(v), ~v, round(v), round(v, 2), int(v), float(v))  # expect: V(-1) pos abs inv ('round', None) ('round', 2) 7 2.5
print([10, 20, 30, 40][v], hex(v), bin(v), oct(v), range(10)[v], "ab" * v, v * [0], (1,) * V(2), b"x" * v)  # expect: 40 0x3 0b11 0o3 3 V(ab) V([0]) V((1, 1)) V(b'x')

# NotImplemented everywhere: CPython's TypeErrors.
class NI:
    def __add__(s, o): return NotImplemented
for expr in (lambda: NI() + 1, lambda: 1 - NI(), lambda: NI() < 1, lambda: -NI()):
    try:
        expr()
    except TypeError as e:
        print(e)
        # expect: unsupported operand type(s) for +: 'NI' and 'int'
        # expect: unsupported operand type(s) for -: 'int' and 'NI'
        # expect: '<' not supported between instances of 'NI' and 'int'
        # expect: bad operand type for unary -: 'NI'

# A subclass overriding the reflected method goes first.
class Sub(V):
    def __radd__(s, o): return "Sub.__radd__"
print(V(1) + Sub(2), Sub(2) + V(1))  # expect: Sub.__radd__ V(3)
class MyInt(int):
    def __radd__(s, o): return "MyInt.__radd__"
print(1 + MyInt(2))  # expect: MyInt.__radd__

# __index__ only; __float__ only; __round__; __trunc__ without warnings.
class IdxOnly:
    def __index__(s): return 2
print(int(IdxOnly()), [1, 2, 3, 4][IdxOnly():], "ab" * IdxOnly(), bin(IdxOnly()))  # expect: 2 [3, 4] abab 0b10
class FlOnly:
    def __float__(s): return 1.5
import math
print(float(FlOnly()), math.floor(FlOnly()))  # expect: 1.5 1
try:
    int(FlOnly())
except TypeError as e:
    print(e)  # expect: int() argument must be a string, a bytes-like object or a real number, not 'FlOnly'
class RoundOnly:
    def __round__(s, n=None): return n
print(round(RoundOnly()), round(RoundOnly(), 3))  # expect: None 3
try:
    round(object())
except TypeError as e:
    print(e)  # expect: type object doesn't define __round__ method
