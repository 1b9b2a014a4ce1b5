# memoryview over bytes and bytearray.
mv = memoryview(b"hello")
print(len(mv), mv[0], mv[-1], mv[1:3].tobytes(), mv.tobytes(), bytes(mv[::2]), mv.tolist()[:2], mv[::-1].tobytes())  # expect: 5 104 111 b'el' b'hello' b'hlo' [104, 101] b'olleh'
print(mv == b"hello", mv[1:] == memoryview(b"ello"), mv.readonly, mv.nbytes, mv.format, mv.itemsize, mv.obj, mv.hex())  # expect: True True True 5 B 1 b'hello' 68656c6c6f
print(mv[1:4][1:].tobytes(), mv[::2][1], len(mv[::2]), list(mv[:2]))  # expect: b'll' 108 3 [104, 101]
ba = bytearray(b"xyz")
mb = memoryview(ba); mb[0] = 65; mb[1:3] = b"BC"
print(ba, mb.readonly, list(mb), bytearray(mb), bytes(mb))  # expect: bytearray(b'ABC') False [65, 66, 67] bytearray(b'ABC') b'ABC'
ba[0] = 97; print(mb[0])  # expect: 97
try:
    mv[0] = 1
except TypeError as e:
    print(e)  # expect: cannot modify read-only memory
try:
    mv[10]
except IndexError as e:
    print(e)  # expect: index out of bounds on dimension 1
try:
    memoryview(5)
except TypeError as e:
    print(e)  # expect: memoryview: a bytes-like object is required, not 'int'
try:
    mb[0] = 300
except ValueError as e:
    print(e)  # expect: memoryview: invalid value for format 'B'
try:
    mb[0:2] = b"abc"
except ValueError as e:
    print(e)  # expect: memoryview assignment: lvalue and rvalue have different structures
with memoryview(b"ab") as m2:
    print(m2[0])  # expect: 97
try:
    m2[0]
except ValueError as e:
    print(e)  # expect: operation forbidden on released memoryview object
print(hash(memoryview(b"ab")) == hash(b"ab"), b"x" + memoryview(b"yz"), bytes(memoryview(b"q")) * 2)  # expect: True b'xyz' b'qq'
