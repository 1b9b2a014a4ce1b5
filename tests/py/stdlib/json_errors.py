# json: JSONDecodeError messages/positions and encoder errors, matching CPython.
import json

def err(s, **kw):
    try:
        json.loads(s, **kw)
    except json.JSONDecodeError as e:
        return '%s | %r %d %d %d' % (e, e.msg, e.pos, e.lineno, e.colno)
    return 'no error'

print(err(''))
# expect: Expecting value: line 1 column 1 (char 0) | 'Expecting value' 0 1 1
print(err('   '))
# expect: Expecting value: line 1 column 4 (char 3) | 'Expecting value' 3 1 4
print(err('[1, 2 3]'))
# expect: Expecting ',' delimiter: line 1 column 7 (char 6) | "Expecting ',' delimiter" 6 1 7
print(err('[1, 2, 3'))
# expect: Expecting ',' delimiter: line 1 column 9 (char 8) | "Expecting ',' delimiter" 8 1 9
print(err('[1,]'))
# expect: Expecting value: line 1 column 4 (char 3) | 'Expecting value' 3 1 4
print(err('['))
# expect: Expecting value: line 1 column 2 (char 1) | 'Expecting value' 1 1 2
print(err('{'))
# expect: Expecting property name enclosed in double quotes: line 1 column 2 (char 1) | 'Expecting property name enclosed in double quotes' 1 1 2
print(err("{'a': 1}"))
# expect: Expecting property name enclosed in double quotes: line 1 column 2 (char 1) | 'Expecting property name enclosed in double quotes' 1 1 2
print(err('{"a": 1,}'))
# expect: Expecting property name enclosed in double quotes: line 1 column 9 (char 8) | 'Expecting property name enclosed in double quotes' 8 1 9
print(err('{"a" 1}'))
# expect: Expecting ':' delimiter: line 1 column 6 (char 5) | "Expecting ':' delimiter" 5 1 6
print(err('{"a":'))
# expect: Expecting value: line 1 column 6 (char 5) | 'Expecting value' 5 1 6
print(err('{"a": 1 "b": 2}'))
# expect: Expecting ',' delimiter: line 1 column 9 (char 8) | "Expecting ',' delimiter" 8 1 9
print(err('"abc'))
# expect: Unterminated string starting at: line 1 column 1 (char 0) | 'Unterminated string starting at' 0 1 1
print(err('["ok", "unterminated\\'))
# expect: Unterminated string starting at: line 1 column 8 (char 7) | 'Unterminated string starting at' 7 1 8
print(err('"a\\qb"'))
# expect: Invalid \escape: line 1 column 3 (char 2) | 'Invalid \\escape' 2 1 3
print(err('"\\u12"'))
# expect: Invalid \uXXXX escape: line 1 column 3 (char 2) | 'Invalid \\uXXXX escape' 2 1 3
print(err('"\\u12g4"'))
# expect: Invalid \uXXXX escape: line 1 column 3 (char 2) | 'Invalid \\uXXXX escape' 2 1 3
print(err('"\\ud83d\\u12"'))
# expect: Invalid \uXXXX escape: line 1 column 9 (char 8) | 'Invalid \\uXXXX escape' 8 1 9
print(err('"bad\x01char"'))
# expect: Invalid control character at: line 1 column 5 (char 4) | 'Invalid control character at' 4 1 5
print(err('"tab\there"'))
# expect: Invalid control character at: line 1 column 5 (char 4) | 'Invalid control character at' 4 1 5
print(err('[1]x'))
# expect: Extra data: line 1 column 4 (char 3) | 'Extra data' 3 1 4
print(err('1 2'))
# expect: Extra data: line 1 column 3 (char 2) | 'Extra data' 2 1 3
print(err('01'))
# expect: Extra data: line 1 column 2 (char 1) | 'Extra data' 1 1 2
print(err('1.'))
# expect: Extra data: line 1 column 2 (char 1) | 'Extra data' 1 1 2
print(err('-'))
# expect: Expecting value: line 1 column 1 (char 0) | 'Expecting value' 0 1 1
print(err('nul'))
# expect: Expecting value: line 1 column 1 (char 0) | 'Expecting value' 0 1 1
print(err('tRue'))
# expect: Expecting value: line 1 column 1 (char 0) | 'Expecting value' 0 1 1
print(err('[1,\n 2,\n oops]'))
# expect: Expecting value: line 3 column 2 (char 9) | 'Expecting value' 9 3 2
print(err('{\n  "a": 1\n  "b": 2\n}'))
# expect: Expecting ',' delimiter: line 3 column 3 (char 13) | "Expecting ',' delimiter" 13 3 3
print(err('\ufeff[]'))
# expect: Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0) | 'Unexpected UTF-8 BOM (decode using utf-8-sig)' 0 1 1
print(err('"x\x00"', strict=False))
# expect: no error

e = json.JSONDecodeError('Custom', 'ab\ncd', 4)
print(e, e.args, isinstance(e, ValueError), issubclass(json.JSONDecodeError, ValueError))
# expect: Custom: line 2 column 2 (char 4) ('Custom: line 2 column 2 (char 4)',) True True
try:
    json.JSONDecoder().raw_decode(' 1')
except ValueError as e:
    print('raw_decode:', e)
    # expect: raw_decode: Expecting value: line 1 column 1 (char 0)
try:
    json.loads(42)
except TypeError as e:
    print(e)
    # expect: the JSON object must be str, bytes or bytearray, not int

def enc_err(obj, **kw):
    try:
        return json.dumps(obj, **kw)
    except (TypeError, ValueError) as e:
        return '%s: %s' % (type(e).__name__, e)

print(enc_err({1, 2}))
# expect: TypeError: Object of type set is not JSON serializable
print(enc_err([1, object()]).split(' at ')[0])
# expect: TypeError: Object of type object is not JSON serializable
print(enc_err(b'bytes'))
# expect: TypeError: Object of type bytes is not JSON serializable
print(enc_err({(1, 2): 'v'}))
# expect: TypeError: keys must be str, int, float, bool or None, not tuple
print(enc_err({frozenset(): 1}, indent=2))
# expect: TypeError: keys must be str, int, float, bool or None, not frozenset
print(enc_err({1: 'a', 'b': 2}, sort_keys=True))
# expect: TypeError: '<' not supported between instances of 'str' and 'int'
print(enc_err(float('nan'), allow_nan=False))
# expect: ValueError: Out of range float values are not JSON compliant
print(enc_err({'k': [float('-inf')]}, allow_nan=False))
# expect: ValueError: Out of range float values are not JSON compliant
print(enc_err({float('inf'): 1}, allow_nan=False))
# expect: ValueError: Out of range float values are not JSON compliant
a = [1]
a.append(a)
print(enc_err(a))
# expect: ValueError: Circular reference detected
print(enc_err(a, indent=2))
# expect: ValueError: Circular reference detected
d = {}
d['me'] = [d]
print(enc_err(d))
# expect: ValueError: Circular reference detected
class Loop:
    pass
print(enc_err(Loop(), default=lambda o: o))
# expect: ValueError: Circular reference detected
print(enc_err([Loop()], default=lambda o: [o]))
# expect: ValueError: Circular reference detected
shared = [1]
print(enc_err([shared, shared, {'s': shared}]))
# expect: [[1], [1], {"s": [1]}]

class Strict(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return json.JSONEncoder.default(self, o)
print(enc_err({'ok': {2, 1}, 'bad': ()}, cls=Strict))
# expect: {"ok": [1, 2], "bad": []}
print(enc_err([{2}, range(2)], cls=Strict))
# expect: TypeError: Object of type range is not JSON serializable
