# String escapes.
print("tab:\tend")  # expect: tab:	end
print("newline:\nsecond")
# expect: newline:
# expect: second
print('quote: \' and \"')  # expect: quote: ' and "
print("backslash: \\")  # expect: backslash: \
print("\x41\x42\x43")  # expect: ABC
print("\101\102\103")  # expect: ABC
print("\u00e9\u4e2d")  # expect: é中
print("\U0001F600" == "😀")  # expect: True
print(len("\N{LATIN SMALL LETTER E WITH ACUTE}"))  # expect: 1
print("bell\a".endswith("\x07"))  # expect: True
print(len("\0"), ord("\0"))  # expect: 1 0
print("a\
b")
# expect: ab
print(repr("\r\n\t\\"))  # expect: '\r\n\t\\'
