# Dicts preserve insertion order, including after delete and reinsert.
d = {}
for k in ["z", "a", "m", "b"]:
    d[k] = len(d)
print(list(d))  # expect: ['z', 'a', 'm', 'b']
del d["a"]
print(list(d))  # expect: ['z', 'm', 'b']
d["a"] = 99
print(d)  # expect: {'z': 0, 'm': 2, 'b': 3, 'a': 99}
d["z"] = "updated in place"
print(list(d), d["z"])  # expect: ['z', 'm', 'b', 'a'] updated in place
d.pop("m")
d["m"] = 1
print(list(d))  # expect: ['z', 'b', 'a', 'm']
big = {i: i * i for i in range(100)}
for i in range(0, 100, 2):
    del big[i]
big[0] = 0
print(list(big)[:5], list(big)[-3:], len(big))  # expect: [1, 3, 5, 7, 9] [97, 99, 0] 51
print(list({3: 0, 1: 0, 2: 0}), list({"b": 0, "a": 0}.items()))
# expect: [3, 1, 2] [('b', 0), ('a', 0)]
s = {}
s[2] = "two"; s[1] = "one"; s[2] = "two again"
print(s)  # expect: {2: 'two again', 1: 'one'}
merged = {"x": 1, "y": 2}
merged.update({"y": 20, "a": 0})
print(merged)  # expect: {'x': 1, 'y': 20, 'a': 0}
