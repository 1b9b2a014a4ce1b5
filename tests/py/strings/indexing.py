# Strings index by code point, including non-ASCII text and emoji.
s = "héllo"
print(len(s), s[1], s[-1], s[1:3], s[::-1])  # expect: 5 é o él olléh
e = "a😀b"
print(len(e), e[1], e[2], e[-2:], e[::-1])  # expect: 3 😀 b 😀b b😀a
cjk = "中文字符"
print(len(cjk), cjk[0], cjk[1:], cjk[::2])  # expect: 4 中 文字符 中字
print(ord("é"), ord("😀"), chr(233), chr(128512), chr(20013))  # expect: 233 128512 é 😀 中
print([c for c in "añb"])  # expect: ['a', 'ñ', 'b']
print("é" in s, "😀" in e, s.upper(), "ÀÉÎ".lower())  # expect: True True HÉLLO àéî
print(repr(s[10:]), s[-10:2], s[2:100], repr(s[5:]))  # expect: '' hé llo ''
print("abcdef"[::-2], "abcdef"[4:1:-1], "abcdef"[-1:-4:-1])  # expect: fdb edc fed
mixed = "x€y"
print(mixed.find("y"), mixed.index("€"), mixed.encode("utf-8"))  # expect: 2 1 b'x\xe2\x82\xacy'
print(len("😀".encode()), len("é".encode("utf-8")), "é".encode("latin-1"))  # expect: 4 2 b'\xe9'
print(s * 2, s + "!", "-".join(e))  # expect: héllohéllo héllo! a-😀-b
print(sorted("cabé"), max("héllo"), min("héllo"))  # expect: ['a', 'b', 'c', 'é'] é h
print(str(123), str(-4.5), str([1, "a"]), str(None), str(True))
# expect: 123 -4.5 [1, 'a'] None True
print("abc" == "abc", "abc" < "abd", "Z" < "a", "é" > "z", "" < "a")
# expect: True True True True True
