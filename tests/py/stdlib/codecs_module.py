# codecs: the native codecs (UTF-8/16/32, ASCII, Latin-1, the escape codecs),
# their error handlers, registered handlers, and CPython's encodings package
# found through the codec registry (cp1252, mac_roman, iso8859-15).
import codecs
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e, getattr(e,'start',None), getattr(e,'end',None))
t(lambda: b'a\x00b'.decode('utf-16-le'))  # expect: UnicodeDecodeError 'utf-16-le' codec can't decode byte 0x62 in position 2: truncated data 2 3
t(lambda: b'\x00\xd8'.decode('utf-16-le'))  # expect: UnicodeDecodeError 'utf-16-le' codec can't decode bytes in position 0-1: unexpected end of data 0 2
t(lambda: b'\x00\xd8a\x00'.decode('utf-16-le'))  # expect: UnicodeDecodeError 'utf-16-le' codec can't decode bytes in position 0-1: illegal UTF-16 surrogate 0 2
t(lambda: b'\x00\xdca\x00'.decode('utf-16-le'))  # expect: UnicodeDecodeError 'utf-16-le' codec can't decode bytes in position 0-1: illegal encoding 0 2
t(lambda: b'\x00\xd8\x00'.decode('utf-16-le'))  # expect: UnicodeDecodeError 'utf-16-le' codec can't decode bytes in position 0-2: unexpected end of data 0 3
t(lambda: b'\x00\x00\x11\x00'.decode('utf-32-le'))  # expect: UnicodeDecodeError 'utf-32-le' codec can't decode bytes in position 0-3: code point not in range(0x110000) 0 4
t(lambda: b'\x00\xd8\x00\x00'.decode('utf-32-le'))  # expect: UnicodeDecodeError 'utf-32-le' codec can't decode bytes in position 0-3: code point in surrogate code point range(0xd800, 0xe000) 0 4
t(lambda: b'\x00\x00\x00'.decode('utf-32-le'))  # expect: UnicodeDecodeError 'utf-32-le' codec can't decode bytes in position 0-2: truncated data 0 3
t(lambda: 'a\ud800'.encode('utf-16'))  # expect: UnicodeEncodeError 'utf-16' codec can't encode character '\ud800' in position 1: surrogates not allowed 1 2
t(lambda: 'a\ud800'.encode('utf-32'))  # expect: UnicodeEncodeError 'utf-32' codec can't encode character '\ud800' in position 1: surrogates not allowed 1 2
t(lambda: 'a\ud800b'.encode('utf-8'))  # expect: UnicodeEncodeError 'utf-8' codec can't encode character '\ud800' in position 1: surrogates not allowed 1 2
t(lambda: 'a\ud800'.encode('utf-8','surrogatepass'))  # expect: b'a\xed\xa0\x80'
t(lambda: b'\xed\xa0\x80'.decode('utf-8','surrogatepass'))  # expect: '\ud800'
t(lambda: b'\\x4'.decode('unicode_escape'))  # expect: UnicodeDecodeError 'unicodeescape' codec can't decode bytes in position 0-2: truncated \xXX escape 0 3
t(lambda: b'\\u12'.decode('unicode_escape'))  # expect: UnicodeDecodeError 'unicodeescape' codec can't decode bytes in position 0-3: truncated \uXXXX escape 0 4
t(lambda: b'\\U00110000'.decode('unicode_escape'))  # expect: UnicodeDecodeError 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character 0 10
t(lambda: b'\\N{foo}'.decode('unicode_escape'))  # expect: UnicodeDecodeError 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name 0 7
t(lambda: b'\\N{'.decode('unicode_escape'))  # expect: UnicodeDecodeError 'unicodeescape' codec can't decode bytes in position 0-2: malformed \N character escape 0 3
t(lambda: b'abc\\'.decode('unicode_escape'))  # expect: UnicodeDecodeError 'unicodeescape' codec can't decode byte 0x5c in position 3: \ at end of string 3 4
t(lambda: b'\\u12'.decode('raw_unicode_escape'))  # expect: UnicodeDecodeError 'rawunicodeescape' codec can't decode bytes in position 0-3: truncated \uXXXX escape 0 4
t(lambda: b'\\U00110000'.decode('raw_unicode_escape'))  # expect: UnicodeDecodeError 'rawunicodeescape' codec can't decode bytes in position 0-9: \Uxxxxxxxx out of range 0 10
t(lambda: b'\\\\u0041\\u0041'.decode('raw_unicode_escape'))  # expect: '\\\\u0041A'
t(lambda: 'a\xe9\u20ac\U0001f600\\\'"\t'.encode('unicode_escape'))  # expect: b'a\\xe9\\u20ac\\U0001f600\\\\\'"\\t'
t(lambda: 'a\xe9\u20ac\U0001f600\\'.encode('raw_unicode_escape'))  # expect: b'a\xe9\\u20ac\\U0001f600\\'
t(lambda: codecs.escape_encode(b"a'\n\x00\xff\\"))  # expect: (b"a\\'\\n\\x00\\xff\\\\", 6)
t(lambda: codecs.escape_decode(b"a\\'\\n\\x00\\xff\\\\"))  # expect: (b"a'\n\x00\xff\\", 15)
t(lambda: codecs.utf_8_decode(b'a\xe2\x82', None, False))  # expect: ('a', 1)
t(lambda: codecs.utf_16_decode(b'\xff\xfea\x00b', None, False))  # expect: ('a', 4)
t(lambda: codecs.utf_16_ex_decode(b'\xfe\xff\x00a', None, 0, True))  # expect: ('a', 4, 1)
t(lambda: codecs.charmap_decode(b'\x00\x01', 'strict', 'a'))  # expect: UnicodeDecodeError 'charmap' codec can't decode byte 0x01 in position 1: character maps to <undefined> 1 2
t(lambda: codecs.charmap_build('ab'))  # expect: {97: 0, 98: 1}
t(lambda: 'ab\xe9\u20ac'.encode('cp1252'))  # expect: b'ab\xe9\x80'
t(lambda: b'ab\xe9\x80'.decode('cp1252'))  # expect: 'abé€'
t(lambda: '\u20ac'.encode('latin-1','namereplace'))  # expect: b'\\N{EURO SIGN}'
t(lambda: 'x'.encode('rot13'))  # expect: LookupError 'rot13' is not a text encoding; use codecs.encode() to handle arbitrary codecs None None
t(lambda: codecs.encode('x', 'rot13'))  # expect: 'k'
t(lambda: codecs.lookup('UTF8').name)  # expect: 'utf-8'
t(lambda: codecs.lookup('foo'))  # expect: LookupError unknown encoding: foo None None
t(lambda: 'x'.encode('utf-8', 'foo'))  # expect: b'x'
t(lambda: '\xe9'.encode('ascii', 'foo'))  # expect: LookupError unknown error handler name 'foo' None None
t(lambda: codecs.unicode_escape_decode(b'ab\\x4', None, False))  # expect: ('ab', 2)
t(lambda: b'\xff'.decode('ascii','surrogateescape').encode('ascii','surrogateescape'))  # expect: b'\xff'
t(lambda: '\udc41'.encode('ascii','surrogateescape'))  # expect: UnicodeEncodeError 'ascii' codec can't encode character '\udc41' in position 0: ordinal not in range(128) 0 1
t(lambda: 'h\xe9llo \u20ac'.encode('utf-16').decode('utf-16'))  # expect: 'héllo €'
t(lambda: 'h\xe9llo \U0001f600'.encode('utf-32-be').decode('utf-32-be'))  # expect: 'héllo 😀'
t(lambda: 'h\xe9llo'.encode('ascii', 'xmlcharrefreplace'))  # expect: b'h&#233;llo'
t(lambda: 'h\xe9llo'.encode('ascii', 'backslashreplace'))  # expect: b'h\\xe9llo'
t(lambda: b'h\xe9llo'.decode('ascii', 'backslashreplace'))  # expect: 'h\\xe9llo'
t(lambda: b'h\xe9llo'.decode('utf-8', 'replace'))  # expect: 'h�llo'
def myhandler(exc):
    return ('[%d:%d]' % (exc.start, exc.end), exc.end)
codecs.register_error('mine', myhandler)
t(lambda: 'a\xe9\xe8b'.encode('ascii', 'mine'))  # expect: b'a[1:3]b'
t(lambda: b'a\xff\xfeb'.decode('utf-8', 'mine'))  # expect: 'a[1:2][2:3]b'
t(lambda: codecs.lookup_error('replace') is codecs.replace_errors)  # expect: True
t(lambda: codecs.replace_errors(UnicodeEncodeError('ascii', 'a\xe9', 1, 2, 'x')))  # expect: ('?', 2)
t(lambda: codecs.backslashreplace_errors(UnicodeDecodeError('ascii', b'a\xe9', 1, 2, 'x')))  # expect: ('\\xe9', 2)
t(lambda: 'abc\xe9'.encode('mac_roman'))  # expect: b'abc\x8e'
import io
t(lambda: codecs.getincrementaldecoder('utf-8')().decode(b'\xe2\x82'))  # expect: ''
d = codecs.getincrementaldecoder('utf-8')()
t(lambda: (d.decode(b'\xe2\x82'), d.decode(b'\xac', final=True)))  # expect: ('', '€')
t(lambda: str(b'caf\xc3\xa9', 'utf-8'))  # expect: 'café'
t(lambda: str(b'caf\xe9', 'cp1252'))  # expect: 'café'
t(lambda: b'caf\xe9'.decode('iso8859-15'))  # expect: 'café'
