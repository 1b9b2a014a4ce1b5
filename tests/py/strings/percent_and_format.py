# %-formatting and str.format, including their errors.
print("%d %i %s %r %5.2f %-5d| %05d %x %X %o %e %g %%" % (1, 2, "s", "r", 3.14159, 4, 5, 255, 255, 8, 12345.678, 0.0001))
print("%s" % "only", "%s" % (1,), "%(a)s-%(b)d" % {"a": "x", "b": 2}, "%c%c" % (65, "b"))
print("%+d %+d % d %.3s %10s| %-10s|" % (5, -5, 5, "abcdef", "right", "left"))
print("%#x %#o %.0f %.1f %g %g %g" % (255, 8, 2.5, 0.05, 1e20, 1e-5, 123456789.0))
print("%s %s" % ([1, 2], (3,)), "%r" % ("x",), "%5s|%-5s|" % ("ab", "cd"))
print("{} {} {}".format(1, "a", [2]), "{0}{1}{0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{:>8}|{:<8}|{:^8}|{:08.3f}|{:,}|{:x}|{!r}".format("r", "l", "c", 3.14159, 10**6, 255, "q"))
print("{0[0]} {0[1]} {1.real} {d[k]}".format([5, 6], 3, d={"k": "v"}), "{{}}".format())
print("{:.2%} {:e} {:+.1e} {:g}".format(0.1234, 1234.5, -0.000123, 1e-7))
print("%s and %s" % ("a", "b"), "%.2f%%" % 99.5, "%3d|%-3d|" % (7, 7))
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s" % (1, 2))
except TypeError as e:
    print("TypeError:", e)
try:
    print("{} {}".format(1))
except IndexError as e:
    print("IndexError:", e)
try:
    print("{x}".format(y=1))
except KeyError as e:
    print("KeyError:", e)
# expect: 1 2 s 'r'  3.14 4    | 00005 ff FF 10 1.234568e+04 0.0001 %
# expect: only 1 x-2 Ab
# expect: +5 -5  5 abc      right| left      |
# expect: 0xff 0o10 2 0.1 1e+20 1e-05 1.23457e+08
# expect: [1, 2] (3,) 'x'    ab|cd   |
# expect: 1 a [2] aba 1-2
# expect:        r|l       |   c    |0003.142|1,000,000|ff|'q'
# expect: 5 6 3 v {}
# expect: 12.34% 1.234500e+03 -1.2e-04 1e-07
# expect: a and b 99.50%   7|7  |
# expect: TypeError: %d format: a real number is required, not str
# expect: TypeError: not enough arguments for format string
# expect: TypeError: not all arguments converted during string formatting
# expect: IndexError: Replacement index 1 out of range for positional args tuple
# expect: KeyError: 'x'
