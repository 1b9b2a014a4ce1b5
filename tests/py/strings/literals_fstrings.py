# Raw, triple-quoted, bytes and adjacent literals; code-point indexing; f-strings with specs, !r/!s/!a, = and \N{...}.
print(r"raw\n\t", R'\d+', rb"\x00", br'\n', len(r"\\"))
print("""triple
  "quoted" 'x'
line""")
print('''a\
b''')
print(b"\x00\xff\n", b'abc'[0], b'abc'[1:], bytes([65, 66]), b"a" + b"b", b"ab" * 2)
print("adjacent" 'concat' """ok""", b"x" b"y")
print("\x7f", repr("\x7f\x80\xa0\xad"), repr("é\u200b"), ascii("é中😀"))
print(repr('a"b'), repr("a'b"), repr("a'b\"c"), repr('\\'), repr("\0"))
s = "héllo wörld 中文 😀"
print(len(s), s[1], s[-1], s[12:14], s[::-1], s[::2], s.upper())
print(s.encode("utf-8"), len(s.encode()), s.encode().decode() == s)
print("ab\u0063", "\U0001f600", "\N{BULLET}", f"\N{BULLET} {1+1}")
x, w = 3.14159, 10
name = "Ada"
print(f"{x:.2f} {x:10.3f}| {x:<10}| {x:^10}| {x:>+10.1f}| {w:05d} {w:x} {w:#x} {w:#o} {w:b} {w:,} {2**40:_}")
print(f"{name!r} {name!s} {name!a} {name:>6} {name:*^9} {'é'!a}")
print(f"{x=}", f"{w = }", f"{name=!s}", f"{x=:.1f}")
print(f"{{literal}} {w}{{}}", f"{'nested' + f'{w}'}", f"{w:{'>'}{w}}", f"{3.0:{w}.{2}f}")
print(f"{1e10:g} {1e-10:g} {123456789:e} {0.5:%} {12.5:.0f} {13.5:.0f} {-0.0:.1f} {1/3:.10}")
print(f"{True} {None} {[1, 'a']} {(1,)} {{1: 2}}" , f"{ {1: 2} }")
print(f"{'a' if w > 5 else 'b'}", f"{w!r:>5}", f'{"q"}', f"""{w
+ 1}""")
print(f"{w:>{w}}|", f"{-5:05}", f"{5:+}", f"{-5: }", f"{5: }", f"{1234567.891:,.2f}")
print(format(255, "x"), format(3.5), format("s", "^5"), format(1e6, ".3g"), format(0.000012345, ".3g"))
# expect: raw\n\t \d+ b'\\x00' b'\\n' 2
# expect: triple
# expect:   "quoted" 'x'
# expect: line
# expect: ab
# expect: b'\x00\xff\n' 97 b'bc' b'AB' b'ab' b'abab'
# expect: adjacentconcatok b'xy'
# expect:  '\x7f\x80\xa0\xad' 'é\u200b' '\xe9\u4e2d\U0001f600'
# expect: 'a"b' "a'b" 'a\'b"c' '\\' '\x00'
# expect: 16 é 😀 中文 😀 文中 dlröw olléh hlowrd中  HÉLLO WÖRLD 中文 😀
# expect: b'h\xc3\xa9llo w\xc3\xb6rld \xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80' 25 True
# expect: abc 😀 • • 2
# expect: 3.14      3.142| 3.14159   |  3.14159  |       +3.1| 00010 a 0xa 0o12 1010 10 1_099_511_627_776
# expect: 'Ada' Ada 'Ada'    Ada ***Ada*** '\xe9'
# expect: x=3.14159 w = 10 name=Ada x=3.1
# expect: {literal} 10{} nested10         10       3.00
# expect: 1e+10 1e-10 1.234568e+08 50.000000% 12 14 -0.0 0.3333333333
# expect: True None [1, 'a'] (1,) {1: 2} {1: 2}
# expect: a    10 q 11
# expect:         10| -0005 +5 -5  5 1,234,567.89
# expect: ff 3.5   s   1e+06 1.23e-05
