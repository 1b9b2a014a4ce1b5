# The math module.
import math
print(math.sqrt(16), math.sqrt(2), math.floor(2.7), math.ceil(2.1), math.floor(-2.7), math.ceil(-2.1))
# expect: 4.0 1.4142135623730951 2 3 -3 -2
print(math.pi, math.e, math.inf, -math.inf, math.tau)
# expect: 3.141592653589793 2.718281828459045 inf -inf 6.283185307179586
print(math.isnan(float("nan")), math.isnan(1.0), math.isinf(math.inf), math.isinf(-math.inf), math.isinf(1e308))
# expect: True False True True False
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(2 ** 80, 2 ** 70 * 3))
# expect: 6 5 2 1180591620717411303424
print(math.factorial(0), math.factorial(5), math.factorial(25))
# expect: 1 120 15511210043330985984000000
print(math.log(math.e), math.log(100, 10), math.log(8, 2), math.log2(1024), math.log10(1000))
# expect: 1.0 2.0 3.0 10.0 3.0
print(math.exp(0), math.exp(1), math.exp(2))  # expect: 1.0 2.718281828459045 7.38905609893065
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 12), round(math.cos(math.pi), 12))
# expect: 0.0 1.0 1.0 -1.0
print(math.fabs(-3), math.fabs(2.5), math.trunc(3.9), math.trunc(-3.9), math.hypot(3, 4))
# expect: 3.0 2.5 3 -3 5.0
print(math.pow(2, 10), math.copysign(1, -0.0), math.isclose(0.1 + 0.2, 0.3))
# expect: 1024.0 -1.0 True
print(math.floor(5), math.ceil(5.0), type(math.floor(5.5)).__name__, type(math.sqrt(4)).__name__)
# expect: 5 5 int float
print(math.isfinite(1.0), math.isfinite(math.nan), math.atan2(1, 1) * 4 == math.pi)
# expect: True False True
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
# expect: ValueError: math domain error
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
# expect: ValueError: factorial() not defined for negative values
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
# expect: ValueError: math domain error
from math import sqrt, pi
print(sqrt(81), round(pi, 4))  # expect: 9.0 3.1416
