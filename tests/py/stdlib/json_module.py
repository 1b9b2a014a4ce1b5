# json: dumps/loads round trips, formatting options, encoder/decoder classes.
import json
import io

# scalars
print(json.dumps([None, True, False, 0, -7, 10**30, 1.0, -0.0, 0.1, 1e100, 1e-7, 2.5e16]))
# expect: [null, true, false, 0, -7, 1000000000000000000000000000000, 1.0, -0.0, 0.1, 1e+100, 1e-07, 2.5e+16]
print(json.dumps([float('nan'), float('inf'), float('-inf')]))
# expect: [NaN, Infinity, -Infinity]
print(json.dumps('plain'), json.dumps(3), json.dumps(None))
# expect: "plain" 3 null

# strings: escapes, ensure_ascii and non-BMP surrogate pairs
print(json.dumps('q"b\\s/\n\r\t\b\f\x00\x1f\x7f'))
# expect: "q\"b\\s/\n\r\t\b\f\u0000\u001f\u007f"
print(json.dumps('caf\u00e9 \u2028 \U0001f600 \U0010ffff'))
# expect: "caf\u00e9 \u2028 \ud83d\ude00 \udbff\udfff"
print(ascii(json.dumps('caf\u00e9 \U0001f600 \x7f\x01', ensure_ascii=False)))
# expect: '"caf\xe9 \U0001f600 \x7f\\u0001"'

# containers
print(json.dumps({'a': [1, (2, 3)], 'b': {}, 'c': [], 'd': ()}))
# expect: {"a": [1, [2, 3]], "b": {}, "c": [], "d": []}
print(json.dumps({1: 'int', 2.5: 'float', True: 'true', False: 'false', None: 'none', float('inf'): 'inf'}))
# expect: {"1": "true", "2.5": "float", "false": "false", "null": "none", "Infinity": "inf"}
print(json.dumps({'b': 1, 'a': {'z': 1, 'y': 2}}, sort_keys=True))
# expect: {"a": {"y": 2, "z": 1}, "b": 1}
print(json.dumps({(1, 2): 'tuple', 'k': 'v'}, skipkeys=True))
# expect: {"k": "v"}
print(json.dumps([1, {'a': 2}], separators=(',', ':')))
# expect: [1,{"a":2}]

# indent layouts
print(repr(json.dumps({'a': [1, 2, {'b': None}], 'e': [], 'f': {}}, indent=2)))
# expect: '{\n  "a": [\n    1,\n    2,\n    {\n      "b": null\n    }\n  ],\n  "e": [],\n  "f": {}\n}'
print(repr(json.dumps([1, [2]], indent=0)))
# expect: '[\n1,\n[\n2\n]\n]'
print(repr(json.dumps([1, {'k': 'v'}], indent='\t')))
# expect: '[\n\t1,\n\t{\n\t\t"k": "v"\n\t}\n]'
print(repr(json.dumps([1, 2], indent=1, separators=(', ', ': '))))
# expect: '[\n 1, \n 2\n]'
print(repr(json.dumps({'b': [], 'a': {}}, indent=4, sort_keys=True)))
# expect: '{\n    "a": {},\n    "b": []\n}'
print(repr(json.dumps({(1,): 0}, indent=2, skipkeys=True)))
# expect: '{\n  \n}'

# subclasses of builtin types
class MyInt(int):
    def __repr__(self):
        return 'MyInt!'
class MyList(list):
    pass
class MyDict(dict):
    pass
print(json.dumps([MyInt(5), MyList([1]), MyDict(x=MyInt(2))]))
# expect: [5, [1], {"x": 2}]
print(json.dumps({MyInt(3): 'k'}))
# expect: {"3": "k"}

# default= and cls=
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(json.dumps([Point(1, 2), {'p': Point(3, [Point(4, 5)])}], default=lambda p: {'x': p.x, 'y': p.y}))
# expect: [{"x": 1, "y": 2}, {"p": {"x": 3, "y": [{"x": 4, "y": 5}]}}]
class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        return super().default(o)
print(json.dumps({'s': {3, 1, 2}, 'f': frozenset()}, cls=SetEncoder))
# expect: {"s": [1, 2, 3], "f": []}
print(SetEncoder(indent=1).encode([{1}]).replace('\n', '|'))
# expect: [| [|  1| ]|]
print(SetEncoder().encode('\u00e9'), SetEncoder(ensure_ascii=False).encode('x'))
# expect: "\u00e9" "x"
print(''.join(json.JSONEncoder(sort_keys=True).iterencode({'b': [1], 'a': 2})))
# expect: {"a": 2, "b": [1]}
enc = json.JSONEncoder(indent=2)
print(repr(enc.item_separator), repr(enc.key_separator), repr(json.JSONEncoder().item_separator))
# expect: ',' ': ' ', '

# dump/load with file objects
buf = io.StringIO()
json.dump({'k': [1, 2.5, 'x']}, buf, sort_keys=True)
print(buf.getvalue())
# expect: {"k": [1, 2.5, "x"]}
buf.seek(0)
print(json.load(buf))
# expect: {'k': [1, 2.5, 'x']}

# loads: values, whitespace and numbers
print(json.loads(' [1, -2, 3.5, 1e3, -0.0, 1E-2, 12345678901234567890123, true, false, null] '))
# expect: [1, -2, 3.5, 1000.0, -0.0, 0.01, 12345678901234567890123, True, False, None]
print(json.loads('{"a": {"b": [{}, []]}, "c": ""}'))
# expect: {'a': {'b': [{}, []]}, 'c': ''}
print(json.loads('\t\n\r {"x"\n:\n1\n,\n"y":\t[ ]\n}\n'))
# expect: {'x': 1, 'y': []}
print(json.loads('[NaN, Infinity, -Infinity]'))
# expect: [nan, inf, -inf]
r = json.loads('[1, 1.0, 1e2, 0]')
print([type(v).__name__ for v in r])
# expect: ['int', 'float', 'float', 'int']

# loads: string escapes and surrogate pairs
print(ascii(json.loads(r'"a\"b\\c\/d\b\f\n\r\t\u00e9\u20ac"')))
# expect: 'a"b\\c/d\x08\x0c\n\r\t\xe9\u20ac'
print(ascii(json.loads(r'"\ud83d\ude00 \uD83D\uDE00 \ud800 \udc00\ud800 \ud83dx"')))
# expect: '\U0001f600 \U0001f600 \ud800 \udc00\ud800 \ud83dx'
print(json.loads('"\U0001f600"') == '\U0001f600', len(json.loads(r'"\ud83d\ude00"')))
# expect: True 1
print(ascii(json.loads('"caf\u00e9"')), json.loads('"tab\there"', strict=False) == 'tab\there')
# expect: 'caf\xe9' True

# round trip
doc = {'name': 'gilvm', 'list': [1, 2.25, None, True, 'x\ny'], 'nested': {'deep': [[{'e': []}]]}}
print(json.loads(json.dumps(doc)) == doc, json.loads(json.dumps(doc, indent=3)) == doc)
# expect: True True

# hooks
print(json.loads('{"a": 1, "b": {"c": 2}}', object_hook=lambda d: sorted(d)))
# expect: ['a', 'b']
print(json.loads('{"a": 1, "b": 2, "a": 3}', object_pairs_hook=lambda pairs: pairs))
# expect: [('a', 1), ('b', 2), ('a', 3)]
print(json.loads('{"a": 1}', object_hook=lambda d: 'hook', object_pairs_hook=lambda p: 'pairs'))
# expect: pairs
print(json.loads('[1.5, 2, 10]', parse_float=lambda t: 'F' + t, parse_int=lambda t: int(t) * 100))
# expect: ['F1.5', 200, 1000]
print(json.loads('[NaN, -Infinity]', parse_constant=lambda c: 'const:' + c))
# expect: ['const:NaN', 'const:-Infinity']

# bytes input
print(json.loads(b'{"k": "caf\xc3\xa9"}') == {'k': 'caf\u00e9'}, json.loads(bytearray(b'[1]')), json.loads(b'\xef\xbb\xbf[2]'))
# expect: True [1] [2]

# JSONDecoder
dec = json.JSONDecoder()
print(dec.decode(' {"a": [true]} '), dec.raw_decode('[1, 2] tail'), dec.raw_decode('xx"s" more', 2))
# expect: {'a': [True]} ([1, 2], 6) ('s', 5)
