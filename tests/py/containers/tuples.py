# Tuples: immutability, methods, packing and unpacking, comparison.
t = (1, 2, 3, 2)
print(t.count(2), t.index(3), len(t), t[1:], t + (4,), t * 2)
# expect: 2 2 4 (2, 3, 2) (1, 2, 3, 2, 4) (1, 2, 3, 2, 1, 2, 3, 2)
print((), (1,), tuple(), tuple([1, 2]), tuple("ab"))  # expect: () (1,) () (1, 2) ('a', 'b')
print(type(()).__name__, type((1)).__name__, type((1,)).__name__)  # expect: tuple int tuple
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: 'tuple' object does not support item assignment
print((1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 99), () < (0,))  # expect: True True True True
nested = ((1, 2), [3, 4])
nested[1].append(5)
print(nested)  # expect: ((1, 2), [3, 4, 5])
a, b = (10, 20)
print(a + b, (a, b)[::-1])  # expect: 30 (20, 10)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "ok"}[(1, 2)])  # expect: True ok
print(max((1, 5), (1, 7)), sorted([(2, "b"), (1, "z"), (2, "a")]))
# expect: (1, 7) [(1, 'z'), (2, 'a'), (2, 'b')]
print(1 in t, 9 in t, tuple(x * x for x in range(4)))  # expect: True False (0, 1, 4, 9)
try:
    hash(([],))
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: unhashable type: 'list'
print(str((1, "a", None)), repr(("x",)))  # expect: (1, 'a', None) ('x',)
