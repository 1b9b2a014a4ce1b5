# Unary and bitwise operators.
print(-5, +5, ~5, ~-1, ~0)  # expect: -5 5 -6 0 -1
print(6 & 3, 6 | 3, 6 ^ 3)  # expect: 2 7 5
print(1 << 10, 1024 >> 3, -16 >> 2, -1 >> 100)  # expect: 1024 128 -4 -1
print(1 << 70)  # expect: 1180591620717411303424
print(-5 & 0xFF, -5 | 2, -5 ^ -3)  # expect: 251 -5 6
print(0b1100 & ~0b0100)  # expect: 8
print(True & False, True | False, True ^ True)  # expect: False True False
print(type(True & False).__name__, type(True & 2).__name__)  # expect: bool int
print(5 & 3 == 1)  # expect: True
print((5 & 3) == 1)  # expect: True
print(2 + 3 << 1, 2 * 3 ** 2, -2 ** 2, (-2) ** 2)  # expect: 10 18 -4 4
print(not 1 == 2)  # expect: True
x = 0b1010
x |= 0b0101
x &= 0b1100
x ^= 0b0001
x <<= 2
x >>= 1
print(x)  # expect: 26
