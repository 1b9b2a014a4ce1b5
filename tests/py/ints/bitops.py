# Bit operations on big and negative integers; bit_length.
print((2 ** 100) & (2 ** 100 - 1), (2 ** 100) | 1)  # expect: 0 1267650600228229401496703205377
print((2 ** 70 + 5) ^ 3, ~(2 ** 70))  # expect: 1180591620717411303430 -1180591620717411303425
print(-(2 ** 70) & 0xFFFF, -(2 ** 70) | 1, -(2 ** 70) ^ -1)
# expect: 0 -1180591620717411303423 1180591620717411303423
print(-1 & (2 ** 80), -12345678901234567890 & 0xFFFFFFFF)
# expect: 1208925819614629174706176 350287150
print(1 << 100, (1 << 100) >> 99, -(1 << 100) >> 98)  # expect: 1267650600228229401496703205376 2 -4
print(-5 >> 1, -1 << 65, 5 << 0)  # expect: -3 -36893488147419103232 5
print((12345678901234567890123 >> 64) << 64)  # expect: 12340871785311690031104
print((0).bit_length(), (1).bit_length(), (255).bit_length(), (256).bit_length())  # expect: 0 1 8 9
print((-1).bit_length(), (-256).bit_length(), (2 ** 100).bit_length())  # expect: 1 9 101
print(bin(2 ** 70), hex(-(2 ** 70)))
# expect: 0b10000000000000000000000000000000000000000000000000000000000000000000000 -0x400000000000000000
print(0xFF & -0x100, 0x0F0F | -0x1000)  # expect: 0 -241
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
# expect: ValueError: negative shift count
print((-(2 ** 64)) >> 1000)  # expect: -1
