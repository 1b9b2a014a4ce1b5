# printf-style % formatting.
print("%s and %s" % ("this", "that"))  # expect: this and that
print("%d items" % 5, "%i" % -3, "%5d|" % 42, "%-5d|" % 42, "%05d" % 42, "%+d" % 7)
# expect: 5 items -3    42| 42   | 00042 +7
print("%x %X %#x %o %#o" % (255, 255, 255, 8, 8))
# expect: ff FF 0xff 10 0o10
print("%f %.2f %5.2f| %-8.3f| %08.3f" % (3.14159, 3.14159, 3.14159, 2.5, -2.5))
# expect: 3.141590 3.14  3.14| 2.500   | -002.500
print("%e %.3E %g %g" % (12345.678, 0.00012, 1e-6, 123.0))
# expect: 1.234568e+04 1.200E-04 1e-06 123
print("%r %s" % ("quoted", "plain"), "%r" % [1, "a"], "%s" % None)
# expect: 'quoted' plain [1, 'a'] None
print("100%% done" % (), "%c%c" % (72, "i"), "%%d" % ())  # expect: 100% done Hi %d
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})  # expect: Ann is 30
print("%s" % (1,), "%s" % [1, 2], "%s-%s" % (1, 2))  # expect: 1 [1, 2] 1-2
print("%10s|%-10s|" % ("right", "left"), "%.3s" % "truncate")  # expect:      right|left      | tru
print("%*d|%-*d|" % (5, 1, 4, 2), "%.*f" % (2, 1.23456))  # expect:     1|2   | 1.23
print("%d" % 3.99, "%s" % 2.0, "%d" % True, "%x" % -255, "%d" % 2 ** 70)
# expect: 3 2.0 1 -ff 1180591620717411303424
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: %d format: a real number is required, not str
try:
    "%s %s" % ("one",)
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: not enough arguments for format string
try:
    "%s" % ("a", "b")
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: not all arguments converted during string formatting
