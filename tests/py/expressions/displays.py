# List, tuple, dict and set displays, including unpacking.
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, *b), [*a, 0, *"xy"])  # expect: [1, 2, 3, 4] (1, 2, 3, 4) [1, 2, 0, 'x', 'y']
print({*a, *b} == {1, 2, 3, 4})  # expect: True
d1 = {"x": 1, "y": 2}
d2 = {"y": 20, "z": 30}
print({**d1, **d2})  # expect: {'x': 1, 'y': 20, 'z': 30}
print({**d1, "y": 0, **{"w": 5}})  # expect: {'x': 1, 'y': 0, 'w': 5}
print(dict(d1, z=3))  # expect: {'x': 1, 'y': 2, 'z': 3}
print([], (), {}, set())  # expect: [] () {} set()
print((1,), (1, 2), [[]], [()])  # expect: (1,) (1, 2) [[]] [()]
print({1: "a", 2: "b"})  # expect: {1: 'a', 2: 'b'}
print({"k": [1, {2: (3,)}]})  # expect: {'k': [1, {2: (3,)}]}
t = 1, 2, 3
print(t, type(t).__name__)  # expect: (1, 2, 3) tuple
single = 4,
print(single)  # expect: (4,)
print(sorted({3, 1, 2}))  # expect: [1, 2, 3]
print(len({1, 1, 1, 2}))  # expect: 2
print({1: "first", 1: "second"})  # expect: {1: 'second'}
first, *rest = [*range(4)]
print(first, rest)  # expect: 0 [1, 2, 3]
