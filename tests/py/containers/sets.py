# Sets: methods and operators (printed sorted for determinism).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
# expect: [1, 2, 3, 4, 5] [3, 4] [1, 2] [5] [1, 2, 5]
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
# expect: [1, 2, 3, 4, 5] [3, 4] [1, 2] [1, 2, 5]
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, {9} <= a)
# expect: True True True False True False
print({1, 2}.issubset(a), a.issuperset({4}), a.isdisjoint({7, 8}), a.isdisjoint(b))
# expect: True True True False
s = set()
s.add(3); s.add(1); s.add(3)
print(sorted(s), len(s))  # expect: [1, 3] 2
s.update([5, 6], (7,))
print(sorted(s))  # expect: [1, 3, 5, 6, 7]
s.discard(100); s.discard(5); s.remove(6)
print(sorted(s))  # expect: [1, 3, 7]
try:
    s.remove(100)
except KeyError as e:
    print("KeyError:", e)
# expect: KeyError: 100
popped = {42}.pop()
print(popped)  # expect: 42
c = a.copy(); c.clear()
print(c, a == {4, 3, 2, 1}, set() == set(), {1} != {2})  # expect: set() True True True
print(sorted(set("mississippi")), sorted(set([3, 3, 1])), len(set(range(10))))
# expect: ['i', 'm', 'p', 's'] [1, 3] 10
x = {1, 2, 3}
x |= {4}; x &= {2, 3, 4, 5}; x -= {3}; x ^= {9, 2}
print(sorted(x))  # expect: [4, 9]
print(2 in a, 9 not in a, {(1, 2)}, {"only"}, {frozenset() if False else 0})
# expect: True True {(1, 2)} {'only'} {0}
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: unhashable type: 'list'
print(sorted({x % 4 for x in range(20)}), {1, 2} == {2, 1})  # expect: [0, 1, 2, 3] True
