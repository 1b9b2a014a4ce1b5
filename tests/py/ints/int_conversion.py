# int() parsing with bases, hex/oct/bin, conversions from floats and strings.
print(int("42"), int("-17"), int("  +9  "), int("1_000"))  # expect: 42 -17 9 1000
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0))  # expect: 255 255 255 255
print(int("777", 8), int("0o777", 0), int("0o17", 8))  # expect: 511 511 15
print(int("1010", 2), int("0b1010", 0), int("-0b11", 0))  # expect: 10 10 -3
print(int("z", 36), int("ZZ", 36), int("hello", 36))  # expect: 35 1295 29234652
print(int("0", 0), int("10", 0), int("1_0", 0))  # expect: 0 10 10
print(int("123456789012345678901234567890"), int("-" + "9" * 25))
# expect: 123456789012345678901234567890 -9999999999999999999999999
print(int(3.9), int(-3.9), int(1e20), int(True), int())  # expect: 3 -3 100000000000000000000 1 0
print(hex(255), hex(-255), hex(0), oct(8), oct(-8), bin(5), bin(-5), bin(0))
# expect: 0xff -0xff 0x0 0o10 -0o10 0b101 -0b101 0b0
print(hex(2 ** 64), oct(2 ** 64), bin(2 ** 10))
# expect: 0x10000000000000000 0o2000000000000000000000 0b10000000000
for bad in ["", "1.5", "0x", "12a", "1__0", "_1", "09"]:
    try:
        print(int(bad, 0) if bad == "09" else int(bad))
    except ValueError as e:
        print("ValueError:", e)
# expect: ValueError: invalid literal for int() with base 10: ''
# expect: ValueError: invalid literal for int() with base 10: '1.5'
# expect: ValueError: invalid literal for int() with base 10: '0x'
# expect: ValueError: invalid literal for int() with base 10: '12a'
# expect: ValueError: invalid literal for int() with base 10: '1__0'
# expect: ValueError: invalid literal for int() with base 10: '_1'
# expect: ValueError: invalid literal for int() with base 0: '09'
try:
    int("8", 8)
except ValueError as e:
    print("ValueError:", e)
# expect: ValueError: invalid literal for int() with base 8: '8'
try:
    int("1", 37)
except ValueError as e:
    print("ValueError:", e)
# expect: ValueError: int() base must be >= 2 and <= 36, or 0
print(int("10", base=3), str(-0), int("-0"))  # expect: 3 0 0
print(int(" 0b101 ".strip(), 2), int("\t12\n"))  # expect: 5 12
