# Flooring // and %, **, true division, chained comparisons, and/or operands, bitwise ops, mixed int/float/bool.
for a in (7, -7, 0, 3):
    for b in (2, -2, 3, -3):
        print(a, b, a // b, a % b, divmod(a, b), a / b, a ** 2, -a ** 2)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, divmod(-7.5, 2))
print(2 ** -1, 2 ** 0.5, (-8) ** 2, 10 ** 20, 2 ** 100, -(2 ** 64) + 1)
print(0 ** 0, 0.0 ** 0, pow(2, 10), pow(2, 10, 1000), pow(-2, 3, 5), pow(3, -1, 7))
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1.0 < 2, 3 > 2 > 1 > 0, 1 < 2 > 0)
print(None is None, [] is not [], 1 in [1, 2], 3 not in (1, 2))
print(0 or 5, 3 or 5, 0 and 5, 3 and 5, "" or [] or None, "a" and "b" and "c")
print(not 0, not 1, not "", not [1])
print(1 if True else 2, 1 if 0 else 2, "x" if [] else "y")
print(-5, +5, ~5, ~-1, -(-3), --3, not not 3)
print(5 & 3, 5 | 3, 5 ^ 3, 1 << 70, -1 >> 10, 2 ** 100 >> 90, -(2**100) >> 99, 1 << 0)
print(0xff & -16, -1 & 0xff, ~(2**80), (2**80) ^ (2**80 - 1), -(2**70) | 1)
print(True + True, True * 5, False - 1, True / 2, True // 1, -True)
print(10 / 4, 10 // 4, -10 // 4, 10 % -4, 1e300 * 1e10, 2 ** 1000 % 1000)
print(3 * "ab", [0] * 3, (1,) * 2, "ab" * 0, [1] * -1)
print(abs(-3), abs(-3.5), abs(-(2**100)), round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2))
print(round(0.5), round(1.5), round(7), round(7.0), round(1e20), round(-0.4), type(round(2.5)))
print(int(3.9), int(-3.9), int("  42 "), int("-0x1f", 16), int("0b101", 0), int("z", 36), int("1_000"))
print(int(1e20), float(2**100), 2**100 / 2**99, 2**100 // 3, (2**100) % 7, -(2**100) // 7, -(2**100) % 7)
print(10**30 // 10**15, 10**30 / 10**15, 7 // 0.5, 1 // 3.0)
print(hash(1) == hash(1.0), hash(2**100) == hash(float(2**100)), 2**64 == 2.0**64)
print(1 == 1.0, 2**53 + 1 == float(2**53 + 1), 0.1 + 0.2 == 0.3, 10**400 > 1e308)
print(max(1, 2.5), min([3, 1, 2]), max("abc"), min(3, 1, key=lambda v: -v), max([], default=9))
print(sum([1, 2, 3]), sum([0.1] * 10), sum([[1], [2]], []), sum(range(101)), sum([2**64, 1]))
# expect: 7 2 3 1 (3, 1) 3.5 49 -49
# expect: 7 -2 -4 -1 (-4, -1) -3.5 49 -49
# expect: 7 3 2 1 (2, 1) 2.3333333333333335 49 -49
# expect: 7 -3 -3 -2 (-3, -2) -2.3333333333333335 49 -49
# expect: -7 2 -4 1 (-4, 1) -3.5 49 -49
# expect: -7 -2 3 -1 (3, -1) 3.5 49 -49
# expect: -7 3 -3 2 (-3, 2) -2.3333333333333335 49 -49
# expect: -7 -3 2 -1 (2, -1) 2.3333333333333335 49 -49
# expect: 0 2 0 0 (0, 0) 0.0 0 0
# expect: 0 -2 0 0 (0, 0) -0.0 0 0
# expect: 0 3 0 0 (0, 0) 0.0 0 0
# expect: 0 -3 0 0 (0, 0) -0.0 0 0
# expect: 3 2 1 1 (1, 1) 1.5 9 -9
# expect: 3 -2 -2 -1 (-2, -1) -1.5 9 -9
# expect: 3 3 1 0 (1, 0) 1.0 9 -9
# expect: 3 -3 -1 0 (-1, 0) -1.0 9 -9
# expect: 3.0 -4.0 1.5 0.5 -0.5 (-4.0, 0.5)
# expect: 0.5 1.4142135623730951 64 100000000000000000000 1267650600228229401496703205376 -18446744073709551615
# expect: 1 1.0 1024 24 2 5
# expect: True False True True True
# expect: True True True True
# expect: 5 3 0 5 None c
# expect: True False True False
# expect: 1 2 y
# expect: -5 5 -6 0 3 3 True
# expect: 1 7 6 1180591620717411303424 -1 1024 -2 1
# expect: 240 255 -1208925819614629174706177 2417851639229258349412351 -1180591620717411303423
# expect: 2 5 -1 0.5 1 -1
# expect: 2.5 2 -3 -2 inf 376
# expect: ababab [0, 0, 0] (1, 1)  []
# expect: 3 3.5 1267650600228229401496703205376 2 4 -2 2.67 1200
# expect: 0 2 7 7 100000000000000000000 0 <class 'int'>
# expect: 3 -3 42 -31 5 35 1000
# expect: 100000000000000000000 1.2676506002282294e+30 2.0 422550200076076467165567735125 2 -181092942889747057356671886483 5
# expect: 1000000000000000 1000000000000000.0 14.0 0.0
# expect: True True True
# expect: True False False True
# expect: 2.5 1 c 3 9
# expect: 6 0.9999999999999999 [1, 2] 5050 18446744073709551617
