# Float arithmetic: flooring division and modulo, divmod, mixing with ints, specials.
print(7.0 // 2, -7.0 // 2, 7.0 // -2, 7.5 % 2, -7.5 % 2, 7.5 % -2)
# expect: 3.0 -4.0 -4.0 1.5 0.5 -0.5
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, 0.5), divmod(-1, 3.0))
# expect: (3.0, 1.5) (-4.0, 0.5) (14.0, 0.0) (-1.0, 2.0)
print(5.0 % 3, -5.0 % 3, 5 % -3.0, 1e-300 % 1)  # expect: 2.0 1.0 -1.0 1e-300
print(0.5 + 1, 1 - 0.25, 3 * 0.5, 1 / 2.0, 2 ** 0.5, 4 ** -0.5, 2.0 ** 3)
# expect: 1.5 0.75 1.5 0.5 1.4142135623730951 0.5 8.0
inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, -inf * 2, 1 / inf, inf > 1e308)
# expect: inf nan nan -inf 0.0 True
print(nan == nan, nan != nan, nan < 1, nan > 1, inf == inf)  # expect: False True False False True
print(0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-9)  # expect: False True
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
# expect: ZeroDivisionError: float floor division by zero
try:
    5.0 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
# expect: ZeroDivisionError: float modulo
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)  # expect: inf -inf 0.0
print((-8.0) ** 2, (-2.0) ** 3, 0.0 ** 0)  # expect: 64.0 -8.0 1.0
print(float(7) / 2, 7 / float(2), 1e3 // 7, -1e3 // 7)  # expect: 3.5 3.5 142.0 -143.0
print((1.5).is_integer(), (2.0).is_integer(), abs(-3.5), -(-2.25))  # expect: False True 3.5 2.25
print(sum([0.1] * 10), sum([0.5, 0.25, 0.125]))  # expect: 0.9999999999999999 0.875
print(max(1.5, 2), min(-0.0, 0.0), max(0.0, -0.0))  # expect: 2 -0.0 0.0
print(3.7 // 1, -3.7 // 1, 3.7 % 1 < 0.71)  # expect: 3.0 -4.0 True
