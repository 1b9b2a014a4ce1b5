# bytes: indexing gives int, slicing, decode, methods, repr.
b = b"hello world"
print(b[0], b[-1], type(b[0]).__name__, b[0:5], b[::-1], b[::2])
# expect: 104 100 int b'hello' b'dlrow olleh' b'hlowrd'
print(len(b), b.upper(), b"ABC".lower(), b + b"!", b"ab" * 3)
# expect: 11 b'HELLO WORLD' b'abc' b'hello world!' b'ababab'
print(b.decode(), b.decode("utf-8"), "héllo".encode().decode("utf-8"))
# expect: hello world hello world héllo
print(b.split(), b"a,b,,c".split(b","), b"a b c".split(b" ", 1))
# expect: [b'hello', b'world'] [b'a', b'b', b'', b'c'] [b'a', b'b c']
print(b"-".join([b"a", b"b", b"c"]), b"".join([b"x", b"y"]))  # expect: b'a-b-c' b'xy'
print(b.replace(b"l", b"L"), b.replace(b"l", b"L", 1))  # expect: b'heLLo worLd' b'heLlo world'
print(b.find(b"o"), b.rfind(b"o"), b.find(b"z"), b.index(b"w"), b.count(b"l"))  # expect: 4 7 -1 6 3
print(b.startswith(b"hell"), b.endswith(b"world"), b.startswith((b"x", b"h")))
# expect: True True True
print(b.hex(), bytes.fromhex("48 69"), b"\x00\xff".hex())
# expect: 68656c6c6f20776f726c64 b'Hi' 00ff
print(b.strip(b"hd"), b"  pad ".strip(), b"x".center(5, b"*"))
# expect: b'ello worl' b'pad' b'**x**'
print(list(b"abc"), bytes([65, 66, 67]), bytes(3), bytes(range(3)))
# expect: [97, 98, 99] b'ABC' b'\x00\x00\x00' b'\x00\x01\x02'
print(repr(b"quote's"), repr(b'"dq"'), repr(b"both'\""), b"\t\n\r\x7f\x80")
# expect: b"quote's" b'"dq"' b'both\'"' b'\t\n\r\x7f\x80'
print(b"abc" == b"abc", b"abc" < b"abd", b"a" in b"cat", 97 in b"cat", b"" == bytes())
# expect: True True True True True
print(b"abc".isalpha(), b"123".isdigit(), b"Ab".isupper())  # expect: True True False
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: 'bytes' object does not support item assignment
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
# expect: UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte
print(b"caf\xc3\xa9".decode(), b"\xe9".decode("latin-1"), b"\xff".decode("utf-8", "replace"))
# expect: café é �
print(bytes("abc", "ascii"), b"x" * 0, len(b""), b"a" != "a")  # expect: b'abc' b'' 0 True
try:
    b"a" + "a"
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: can't concat str to bytes
print([x for x in b"\x01\x02\x03"], sum(b"\x01\x02\x03"), max(b"az"))  # expect: [1, 2, 3] 6 122
