# str.format: positional, named, indexed and attribute fields; conversions.
print("{} {}".format("a", "b"), "{1} {0} {1}".format("a", "b"))  # expect: a b b a b
print("{name} is {age}".format(name="Ann", age=30))  # expect: Ann is 30
print("{0[1]} {0[0]}".format(["x", "y"]), "{d[key]}".format(d={"key": "val"}))  # expect: y x val
class P:
    x = 3
    y = 4
print("({0.x}, {0.y})".format(P()), "{p.x}".format(p=P))  # expect: (3, 4) 3
print("{!r} {!s}".format("s", "s"), "{0!r:>6}|".format("s"))  # expect: 's' s    's'|
print("{{}} {{{}}}".format(7))  # expect: {} {7}
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))  # expect:        r|l       |   c    |
print("{:*>8}|{:-<8}|{:.^8}|".format(1, 2, 3))  # expect: *******1|2-------|...3....|
print("{:=+8}|{:=08}|{:08}|".format(42, -42, -42))  # expect: +     42|-0000042|-0000042|
print("{:+} {:+} {: } {: } {:-}".format(5, -5, 5, -5, 5))  # expect: +5 -5  5 -5 5
print("{:b} {:#b} {:o} {:#o} {:x} {:#x} {:X} {:#X}".format(10, 10, 10, 10, 255, 255, 255, 255))
# expect: 1010 0b1010 12 0o12 ff 0xff FF 0XFF
print("{:c} {:d} {:n}".format(65, 12345, 12345))  # expect: A 12345 12345
print("{:,} {:_} {:,d} {:_x} {:_b}".format(1234567, 1234567, -1234567, 0xFFFFFF, 255))
# expect: 1,234,567 1_234_567 -1,234,567 ff_ffff 1111_1111
print("{:10,}|{:<10,}|{:010,}".format(1234, 1234, 1234))  # expect:      1,234|1,234     |00,001,234
print("{:e} {:E} {:.2e}".format(1234.5, 1234.5, 0.000123))
# expect: 1.234500e+03 1.234500E+03 1.23e-04
print("{:f} {:F} {:.3f} {:.0f}".format(1.5, float("inf"), 2.0 / 3, 0.5))
# expect: 1.500000 INF 0.667 0
print("{:g} {:G} {:.2g} {:g}".format(0.0001, 1e-10, 1234.5, 1e16))
# expect: 0.0001 1E-10 1.2e+03 1e+16
print("{:%} {:.1%} {:.0%}".format(0.5, 0.1234, 1))  # expect: 50.000000% 12.3% 100%
print("{:s} {:.2s} {:>5s}|".format("text", "text", "ab"))  # expect: text te    ab|
print("{:#010x} {:#06b} {:+#x}".format(255, 5, 255))
# expect: 0x000000ff 0b0101 +0xff
print("{0:{1}}|{0:>{w}.{p}f}|".format(3.14159, 10, w=8, p=2))  # expect:    3.14159|    3.14|
print("{:,.2f} {:_.3f}".format(1234567.891, 9876.54321))  # expect: 1,234,567.89 9_876.543
print(format(255, "x"), format(3.5, ".3f"), format("s", "^5"), format(12), format(1234, ","))
# expect: ff 3.500   s   12 1,234
print("{:d}".format(True), "{}".format(True), "{:5}|".format(True))  # expect: 1 True     1|
print("{:}".format(1.0), "{:.3}".format(1.23456), "{:10.3}|".format(3.14159))
# expect: 1.0 1.23       3.14|
try:
    "{:d}".format("str")
except ValueError as e:
    print("ValueError:", e)
# expect: ValueError: Unknown format code 'd' for object of type 'str'
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
# expect: IndexError: Replacement index 1 out of range for positional args tuple
