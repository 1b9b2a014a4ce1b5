# repr() of strings: quote choice and escapes.
print(repr("plain"), repr("it's"), repr('say "hi"'), repr("both ' and \""))
# expect: 'plain' "it's" 'say "hi"' 'both \' and "'
print(repr("tab\tnew\nret\r"), repr("back\\slash"), repr("\x00\x07\x1b\x7f"))
# expect: 'tab\tnew\nret\r' 'back\\slash' '\x00\x07\x1b\x7f'
print(repr("é中😀"), repr("\u200b"), repr("\xa0"), repr("\x80"))
# expect: 'é中😀' '\u200b' '\xa0' '\x80'
print(repr(""), repr("'"), repr('"'))  # expect: '' "'" '"'
print([("a", 'b"')], {"k'": "v"})  # expect: [('a', 'b"')] {"k'": 'v'}
print(str("quote's"), ascii("é"), ascii("😀"))  # expect: quote's '\xe9' '\U0001f600'
