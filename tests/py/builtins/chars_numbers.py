# ord chr hex oct bin and number formatting builtins.
print(ord("a"), ord("Z"), ord("0"), ord("\n"), ord("€"))  # expect: 97 90 48 10 8364
print(chr(97), chr(90), chr(48), repr(chr(10)), chr(8364))  # expect: a Z 0 '\n' €
print(hex(0), hex(255), hex(-1), hex(2 ** 40), oct(0), oct(64), oct(-7), bin(0), bin(255), bin(-3))
# expect: 0x0 0xff -0x1 0x10000000000 0o0 0o100 -0o7 0b0 0b11111111 -0b11
print(int(hex(255), 16), int(oct(64), 8), int(bin(10), 2))  # expect: 255 64 10
print([chr(ord("a") + i) for i in range(5)], sum(ord(c) for c in "abc"))
# expect: ['a', 'b', 'c', 'd', 'e'] 294
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: ord() expected a character, but string of length 2 found
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: 'float' object cannot be interpreted as an integer
