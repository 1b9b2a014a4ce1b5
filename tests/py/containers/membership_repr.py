# in on every container; repr of nested containers.
print(1 in [1, 2], 1 in (1, 2), 1 in {1: "v"}, 1 in {1}, "v" in {1: "v"}, "ab" in "cab")
# expect: True True True True False True
print([1] in [[1], [2]], (1,) in {(1,): 0}, None in [None], 2.0 in [2])
# expect: True True True True
print(3 in range(0, 10, 3), 4 in range(0, 10, 3), -1 in range(5))  # expect: True False False
nested = [1, [2, (3, {"k": {4}})], {"t": (5,)}, "s", None, True, 1.5]
print(nested)  # expect: [1, [2, (3, {'k': {4}})], {'t': (5,)}, 's', None, True, 1.5]
print(repr(nested) == str(nested))  # expect: True
print({"list": [], "tuple": (), "dict": {}, "set": set(), "str": ""})
# expect: {'list': [], 'tuple': (), 'dict': {}, 'set': set(), 'str': ''}
r = [1]
r.append(r)
print(r)  # expect: [1, [...]]
d = {"self": None}
d["self"] = d
print(d)  # expect: {'self': {...}}
print([[[]]], ((),), [{}], ({"a": [("b",)]},))  # expect: [[[]]] ((),) [{}] ({'a': [('b',)]},)
print(list(map(str, [1, "1", [1]])), [repr(x) for x in ["a", 1, None]])
# expect: ['1', '1', '[1]'] ["'a'", '1', 'None']
