# Float repr: shortest round-tripping digits, exponent switch points, specials.
print(0.1, 0.2, 0.3, 0.1 + 0.2)  # expect: 0.1 0.2 0.3 0.30000000000000004
print(1.0, -1.0, 100.0, 1e16, 1e15, 123456789012345680.0)
# expect: 1.0 -1.0 100.0 1e+16 1000000000000000.0 1.2345678901234568e+17
print(1e-5, 1e-4, 0.0001, 0.00001234)  # expect: 1e-05 0.0001 0.0001 1.234e-05
print(1 / 3, 2 / 3, 10 / 3)  # expect: 0.3333333333333333 0.6666666666666666 3.3333333333333335
print(float("inf"), float("-inf"), float("nan"), -float("nan"))  # expect: inf -inf nan nan
print(-0.0, 0.0 * -1, abs(-0.0))  # expect: -0.0 -0.0 0.0
print(1e22, 1e23, 1.7976931348623157e308, 5e-324)
# expect: 1e+22 1e+23 1.7976931348623157e+308 5e-324
print(repr(2.5), str(2.5), repr(1e100))  # expect: 2.5 2.5 1e+100
print(float("1e400"), float("-1e400"), float("1e-400"))  # expect: inf -inf 0.0
print([0.1, 1e-7, 12.0])  # expect: [0.1, 1e-07, 12.0]
print(3.0 * 1.1, 0.1 * 3, 1.1 + 2.2)
# expect: 3.3000000000000003 0.30000000000000004 3.3000000000000003
print(float(10 ** 20), float(2 ** 63), 9007199254740993.0)
# expect: 1e+20 9.223372036854776e+18 9007199254740992.0
print(float("  1.5  "), float("-2"), float("1_000.5"), float("+.5"), float("Infinity"), float("-NaN"))
# expect: 1.5 -2.0 1000.5 0.5 inf nan
print(1e16 + 1, 2.0 ** 60, 2.0 ** -20)  # expect: 1e+16 1.152921504606847e+18 9.5367431640625e-07
print(123.456, 0.5e-10, 1.5e300 * 1e10)  # expect: 123.456 5e-11 inf
