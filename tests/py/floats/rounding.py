# round() (half to even), int() truncation, math.floor/ceil.
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))  # expect: 2 4 -2 0 2
print(round(2.675, 2), round(1.25, 1), round(1.35, 1))  # expect: 2.67 1.2 1.4
print(round(3.14159, 3), round(-3.14159, 1), round(1234.5678, -2))  # expect: 3.142 -3.1 1200.0
print(round(7), round(15, -1), round(25, -1), round(-25, -1), round(1234567, -3))
# expect: 7 20 20 -20 1235000
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(2.5, 0))
# expect: int float 2.0
print(int(3.9), int(-3.9), int(0.99999), int(-0.5), int(1e10))  # expect: 3 -3 0 0 10000000000
print(round(0.1 + 0.2, 10), round(1e20), round(-0.4))  # expect: 0.3 100000000000000000000 0
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
# expect: OverflowError: cannot convert float infinity to integer
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
# expect: ValueError: cannot convert float NaN to integer
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
# expect: OverflowError: cannot convert float infinity to integer
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(2.5), math.ceil(2.1))
# expect: -3 -2 -2 2 3
print(type(math.floor(2.5)).__name__)  # expect: int
