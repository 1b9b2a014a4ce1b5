# Bytes literals.
print(b"abc")  # expect: b'abc'
print(b'\x00\xff')  # expect: b'\x00\xff'
print(B"A\nB")  # expect: b'A\nB'
print(list(b"\x01\x02"))  # expect: [1, 2]
print(len(b"\\"))  # expect: 1
print(br"\n", rb"\t")  # expect: b'\\n' b'\\t'
print(b"""tri
ple""")
# expect: b'tri\nple'
print(type(b"").__name__)  # expect: bytes
print(b"a" b"b")  # expect: b'ab'
