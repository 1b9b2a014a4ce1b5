# Integer literals in every base, with underscores.
print(0, 00, 0_0)  # expect: 0 0 0
print(1_000_000)  # expect: 1000000
print(0x1F, 0XfF, 0x_dead_beef)  # expect: 31 255 3735928559
print(0o17, 0O777, 0o_1_2)  # expect: 15 511 10
print(0b1010, 0B1111_0000)  # expect: 10 240
print(123456789012345678901234567890)  # expect: 123456789012345678901234567890
print(0xFFFFFFFFFFFFFFFFFFFF)  # expect: 1208925819614629174706175
print(-0b1, -0o10, -0x10)  # expect: -1 -8 -16
print(type(0x10).__name__)  # expect: int
print(1_2_3 + 0x_1)  # expect: 124
