# f-strings: expressions, conversions, format specs, nested quotes.
name = "World"
n = 42
pi = 3.14159
print(f"Hello, {name}!")  # expect: Hello, World!
print(f"{n} {n + 1} {n * 2}")  # expect: 42 43 84
print(f"{name!r} {name!s}")  # expect: 'World' World
print(f"{pi:.2f} {pi:10.3f}|")  # expect: 3.14      3.142|
print(f"{n:>5}|{n:<5}|{n:^5}|")  # expect:    42|42   | 42  |
print(f"{n:05d} {n:x} {n:#x} {n:b} {n:o}")
# expect: 00042 2a 0x2a 101010 52
print(f"{1234567:,} {1234567:_}")  # expect: 1,234,567 1_234_567
print(f"{'nested'} {'x' if n else 'y'}", f'{"double" + "quotes"}')  # expect: nested x doublequotes
d = {"key": "value"}
print(f"{d['key']}")  # expect: value
print(f'{d["key"]}')  # expect: value
width = 8
print(f"{name:>{width}}|")  # expect:    World|
print(f"{pi:.{2}f}")  # expect: 3.14
print(f"{{literal braces}} {n}")  # expect: {literal braces} 42
print(F"upper F {n}")  # expect: upper F 42
print(rf"raw \n {n}")  # expect: raw \n 42
print(f"{[1, 2, 3]} {(1,)}")  # expect: [1, 2, 3] (1,)
print(f"{n!r:>6}|")  # expect:     42|
print(f"{'abc':*^9}")  # expect: ***abc***
print(f"{-3.5:+.1f} {3.5:+.1f} {3.5: .1f}")  # expect: -3.5 +3.5  3.5
print(f"{0.25:%}")  # expect: 25.000000%
print(f"""triple {n}""")  # expect: triple 42
