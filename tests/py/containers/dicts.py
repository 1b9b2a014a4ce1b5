# dict methods.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d["b"], len(d))  # expect: 1 None 0 2 2
print(d.setdefault("c", 3), d.setdefault("a", 100), d)  # expect: 3 1 {'a': 1, 'b': 2, 'c': 3}
print(d.pop("a"), d.pop("zz", "default"), d)  # expect: 1 default {'b': 2, 'c': 3}
print(d.popitem(), d)  # expect: ('c', 3) {'b': 2}
d.update({"x": 10}, y=20)
d.update([("z", 30)])
print(d)  # expect: {'b': 2, 'x': 10, 'y': 20, 'z': 30}
print(list(d.keys()), list(d.values()), list(d.items()))
# expect: ['b', 'x', 'y', 'z'] [2, 10, 20, 30] [('b', 2), ('x', 10), ('y', 20), ('z', 30)]
c = d.copy()
c["new"] = 1
print(len(d), len(c), "new" in d)  # expect: 4 5 False
c.clear()
print(c)  # expect: {}
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
# expect: {'a': None, 'b': None, 'c': None} {1: 0, 2: 0}
print(dict(a=1, b=2), dict([("k", "v")]), dict(zip("xy", [1, 2])), dict())
# expect: {'a': 1, 'b': 2} {'k': 'v'} {'x': 1, 'y': 2} {}
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)  # expect: {'m': 1, 'i': 4, 's': 4, 'p': 2}
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
# expect: [('i', 4), ('s', 4), ('p', 2), ('m', 1)]
keys = d.keys()
d["late"] = 0
print("late" in keys, len(keys))  # expect: True 5
print({1: "a"} == {1: "a"}, {1: "a", 2: "b"} == {2: "b", 1: "a"}, {1: 1} != {1: 2})
# expect: True True True
for k, v in {"p": 1, "q": 2}.items():
    print(k, v)
# expect: p 1
# expect: q 2
inv = {v: k for k, v in {"one": 1, "two": 2}.items()}
print(inv)  # expect: {1: 'one', 2: 'two'}
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
# expect: KeyError: 'popitem(): dictionary is empty'
nested = {"outer": {"inner": [1, 2]}}
nested["outer"]["inner"].append(3)
print(nested, nested["outer"]["inner"][-1])  # expect: {'outer': {'inner': [1, 2, 3]}} 3
print({(1, 2): "tuple", 3.5: "float", None: "none", True: "bool"})
# expect: {(1, 2): 'tuple', 3.5: 'float', None: 'none', True: 'bool'}
d2 = {"a": 1}
d2 |= {"b": 2}
print(d2 | {"c": 3}, d2)  # expect: {'a': 1, 'b': 2, 'c': 3} {'a': 1, 'b': 2}
