# Arithmetic with Python semantics: flooring division and modulo, true division, power.
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)  # expect: 3 -4 -4 3
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)  # expect: 1 2 -2 -1
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2)  # expect: 3.0 -4.0 1.5 0.5
print(7 % -2.5, -0.0 % 5)  # expect: -0.5 0.0
print(7 / 2, -7 / 2, 6 / 3, 1 / 4)  # expect: 3.5 -3.5 2.0 0.25
print(type(6 / 3).__name__)  # expect: float
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2)  # expect: 1024 0.5 -8 -4
print(2 ** 3 ** 2)  # expect: 512
print(10 ** 0, 0 ** 0, 2.0 ** 0.5)  # expect: 1 1 1.4142135623730951
print(1 + 2 * 3 - 4, (1 + 2) * (3 - 4))  # expect: 3 -3
print(1 + 2.0, 3 * 1.5, 10 - 0.5)  # expect: 3.0 4.5 9.5
print(True + True, True * 10, False - 1)  # expect: 2 10 -1
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5))  # expect: (3, 2) (-4, 3) (-4, -3)
print(5 - -3, +5, -(-5), --5)  # expect: 8 5 5 5
print(100 // 7 * 7 + 100 % 7)  # expect: 100
print(3 * "ab", [0] * 3, (1, 2) * 2)  # expect: ababab [0, 0, 0] (1, 2, 1, 2)
