# Integer literals in every base with underscores, floats, line continuation, comments, tabs.
print(0b1010, 0B_11, 0o17, 0O_7_7, 0xff, 0XDEAD_BEEF, 1_000_000, 0)
print(0x_FFFF_FFFF_FFFF_FFFF_FFFF, 0b1_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000)
print(1e3, 1E-3, 1.5e+10, .5, 5., 1_0.0_1, 1e1_0, 0e0, 00, 0_0)
print(1e22, 1e16, 1e15, 123456789012345678.0, 1.0e-5, 0.0001, 1/3, 2/3, 0.1+0.2)
print(float('inf'), -float('inf'), float('nan'), 1e308*10, -0.0, 5e-324)
print(repr(1.1), str(2.5), 3.0, 1e100, 12345.678e-3)
print(type(1), type(1.0), type(True), 0x10 + 0o10 + 0b10)
x = 1 + \
    2 + \
    3
print(x)
y = (1 +
     2  # comment inside parens
     + 3)
print(y)
z = [1,
  2,
      3,
]
print(z)
if True:
	print("tab indented")
if True:
    if True:
        pass
    print("dedent ok")  # comment
# a comment line
    # indented comment line
print({'a': 1,
       'b': 2})
# expect: 10 3 15 63 255 3735928559 1000000 0
# expect: 1208925819614629174706175 1152921504606846976
# expect: 1000.0 0.001 15000000000.0 0.5 5.0 10.01 10000000000.0 0.0 0 0
# expect: 1e+22 1e+16 1000000000000000.0 1.2345678901234568e+17 1e-05 0.0001 0.3333333333333333 0.6666666666666666 0.30000000000000004
# expect: inf -inf nan inf -0.0 5e-324
# expect: 1.1 2.5 3.0 1e+100 12.345678
# expect: <class 'int'> <class 'float'> <class 'bool'> 26
# expect: 6
# expect: 6
# expect: [1, 2, 3]
# expect: tab indented
# expect: dedent ok
# expect: {'a': 1, 'b': 2}
