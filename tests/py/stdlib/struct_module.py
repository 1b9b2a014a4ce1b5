# struct: pack, unpack, calcsize, unpack_from, pack_into, iter_unpack.
import struct

print(struct.pack('<i', 1), struct.pack('>i', 1), struct.pack('!h', -2), struct.pack('<q', -1))
# expect: b'\x01\x00\x00\x00' b'\x00\x00\x00\x01' b'\xff\xfe' b'\xff\xff\xff\xff\xff\xff\xff\xff'
print(struct.pack('<HBb', 65535, 255, -128), struct.pack('<?', 5), struct.pack('c', b'z'))
# expect: b'\xff\xff\xff\x80' b'\x01' b'z'
print(struct.pack('<d', 1.5), struct.pack('>f', -2.0), struct.pack('5s', b'ab'), struct.pack('3s', b'abcdef'))
# expect: b'\x00\x00\x00\x00\x00\x00\xf8?' b'\xc0\x00\x00\x00' b'ab\x00\x00\x00' b'abc'
print(struct.pack('5p', b'ab'), struct.pack('2x'), struct.pack('<2h', 1, 2), struct.pack('<Q', 2 ** 64 - 1))
# expect: b'\x02ab\x00\x00' b'\x00\x00' b'\x01\x00\x02\x00' b'\xff\xff\xff\xff\xff\xff\xff\xff'
print(struct.unpack('<i', b'\x01\x00\x00\x00'), struct.unpack('>I', b'\xff\xff\xff\xfe'))
# expect: (1,) (4294967294,)
print(struct.unpack('<hHbB?', b'\xff\xff\xff\xff\x80\x80\x01'), struct.unpack('<d', struct.pack('<d', 3.25)))
# expect: (-1, 65535, -128, 128, True) (3.25,)
print(struct.unpack('4s', b'abcd'), struct.unpack('5p', b'\x02abcd'), struct.unpack('<f', struct.pack('<f', 0.1)))
# expect: (b'abcd',) (b'ab',) (0.10000000149011612,)
print(struct.calcsize('<i'), struct.calcsize('@bi'), struct.calcsize('@ib'), struct.calcsize('<bi'), struct.calcsize('3s2x'))
# expect: 4 8 5 5 5
print(struct.calcsize('@q'), struct.calcsize('=l'), struct.calcsize('<qh'))
# expect: 8 4 10
print(struct.pack('@bi', 1, 2), struct.unpack('@bi', struct.pack('@bi', 1, 2)))
# expect: b'\x01\x00\x00\x00\x02\x00\x00\x00' (1, 2)
print(struct.unpack_from('<h', b'abcdef', 2), struct.unpack_from('<2B', b'\x01\x02\x03', offset=1))
# expect: (25699,) (2, 3)
buf = bytearray(8)
struct.pack_into('<I', buf, 2, 0xdeadbeef)
print(buf)
# expect: bytearray(b'\x00\x00\xef\xbe\xad\xde\x00\x00')
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')))
# expect: [(1,), (2,), (3,)]
s = struct.Struct('<ih')
print(s.size, s.pack(7, 8), s.unpack(b'\x07\x00\x00\x00\x08\x00'), s.format)
# expect: 6 b'\x07\x00\x00\x00\x08\x00' (7, 8) <ih
print(struct.pack('>e', 1.5), struct.unpack('<e', b'\x00\x3c'))
# expect: b'>\x00' (1.0,)
for fmt_, value in [('b', 200), ('<H', -1), ('i', 2 ** 40), ('<I', -1), ('i', 'x')]:
    try:
        struct.pack(fmt_, value)
    except struct.error as err:
        print(fmt_, err)
        # expect: b byte format requires -128 <= number <= 127
        # expect: <H ushort format requires 0 <= number <= 65535
        # expect: i 'i' format requires -2147483648 <= number <= 2147483647
        # expect: <I argument out of range
        # expect: i required argument is not an integer
for call in [lambda: struct.pack('ii', 1), lambda: struct.unpack('ii', b'1'), lambda: struct.pack('z', 1),
             lambda: struct.pack('c', 1), lambda: struct.pack('d', 'x'), lambda: struct.pack('3s', 1)]:
    try:
        call()
    except struct.error as err:
        print(err)
        # expect: pack expected 2 items for packing (got 1)
        # expect: unpack requires a buffer of 8 bytes
        # expect: bad char in struct format
        # expect: char format requires a bytes object of length 1
        # expect: required argument is not a float
        # expect: argument for 's' must be a bytes object
print(issubclass(struct.error, Exception))
# expect: True
