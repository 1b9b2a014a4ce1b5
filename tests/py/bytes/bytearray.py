# bytearray: the mutable twin of bytes.
ba = bytearray(b"abc")
ba[0] = 65
ba.append(68)
print(ba, bytes(ba), len(ba))  # expect: bytearray(b'AbcD') b'AbcD' 4

ba.extend(b"ef")
del ba[0]
print(ba, ba[0], ba[-1:], ba.pop(), ba)
# expect: bytearray(b'bcDe') 98 bytearray(b'f') 102 bytearray(b'bcDe')
ba[1:3] = b"XYZ"
print(ba, ba.decode())  # expect: bytearray(b'bXYZe') bXYZe
