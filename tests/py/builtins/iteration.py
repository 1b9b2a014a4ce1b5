# range, enumerate, zip, map, filter, reversed, sorted, iter, next, any, all.
print(list(range(5)), list(range(2, 5)), list(range(10, 0, -3)), list(range(0)), list(range(5, 2)))
# expect: [0, 1, 2, 3, 4] [2, 3, 4] [10, 7, 4, 1] [] []
r = range(1, 10, 2)
print(len(r), r[0], r[-1], r[1:3], 5 in r, 4 in r, r.index(7), range(3))
# expect: 5 1 9 range(3, 7, 2) True False 3 range(0, 3)
print(list(enumerate("abc")), list(enumerate("ab", start=1)), list(enumerate([], 5)))
# expect: [(0, 'a'), (1, 'b'), (2, 'c')] [(1, 'a'), (2, 'b')] []
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
# expect: [(1, 'a'), (2, 'b')] [] [(1, 2, 3)]
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
# expect: ['1', '2'] [4, 10, 18]
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(str.isdigit, "a1b2")))
# expect: [1, 'x', [0]] ['1', '2']
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
# expect: [3, 2, 1] ['c', 'b', 'a'] [2, 1, 0] [2, 1]
print(sorted([3, 1, 2]), sorted("cba", reverse=True), sorted([-3, 1, -2], key=abs))
# expect: [1, 2, 3] ['c', 'b', 'a'] [1, -2, -3]
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "done"), next(it, None))  # expect: 10 20 30 done None
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "x"]), all([1, 0]))
# expect: False True False True True False
print(any(x > 2 for x in range(5)), all(x < 5 for x in range(5)))  # expect: True True
m = map(abs, [-1, -2])
print(type(m).__name__, next(m), list(m), list(m))  # expect: map 1 [2] []
z = zip("ab", range(10))
print(dict(z))  # expect: {'a': 0, 'b': 1}
print(list(iter(range(3))), iter(it) is it)  # expect: [0, 1, 2] True
for i, (a, b) in enumerate(zip("xy", "pq")):
    print(i, a, b)
# expect: 0 x p
# expect: 1 y q
print(list(range(-5, 5, 4)), range(0, 10, 2)[::-1], list(range(0, 10, 2)[::-1]))
# expect: [-5, -1, 3] range(8, -2, -2) [8, 6, 4, 2, 0]
