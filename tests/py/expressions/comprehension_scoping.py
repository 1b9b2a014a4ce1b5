# List/set/dict comprehensions and generator expressions: nesting, conditions, scoping (class bodies too).
print([x * x for x in range(6) if x % 2 if x > 1], {x % 3 for x in range(10)}, {k: v for k, v in zip("abc", range(3))})
print([(x, y) for x in range(3) for y in range(x)], [[y for y in range(x)] for x in range(3)])
print(list(x for x in "abc"), sum(x for x in range(5)), tuple(i for i in range(3) if i))
x = "outer"
print([x for x in range(2)], x)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    n = 10
    try:
        bad = [n for _ in range(2)]
    except NameError as e:
        bad = str(e)
print(C.doubled, C.bad)
g = (i * i for i in range(4))
print(next(g), list(g), list(g))
print({(a, b): a * b for a in range(2) for b in range(2)}, [c for c in "hello" if c not in "l"])
print(sorted({v for v in [3, 1, 3, 2]}), [i for i in range(10)][::3], [*range(3), *"ab"], {*range(2), 5}, {**{"a": 1}, "b": 2, **{"a": 3}})
m = [[1, 2], [3, 4]]
print([e for row in m for e in row], [[row[i] for row in m] for i in range(2)])
print(any(x > 3 for x in [1, 5]), all(x for x in []), all([1, 0]), any([]))
print(dict((k, k) for k in "ab"), set(x for x in ()), [y for y in (lambda: [1, 2])()])
ev = [n for n in range(20) if n % 2 == 0 if n % 3 == 0]
print(ev, [w.upper() for w in "a b".split()], [(lambda q: q * 2)(z) for z in range(3)])
print([i for i in range(3) for i in range(i)], [(yield_ := k) for k in range(2)], yield_)
# expect: [9, 25] {0, 1, 2} {'a': 0, 'b': 1, 'c': 2}
# expect: [(1, 0), (2, 0), (2, 1)] [[], [0], [0, 1]]
# expect: ['a', 'b', 'c'] 10 (1, 2)
# expect: [0, 1] outer
# expect: [2, 2, 2]
# expect: [2, 4, 6] name 'n' is not defined
# expect: 0 [1, 4, 9] []
# expect: {(0, 0): 0, (0, 1): 0, (1, 0): 0, (1, 1): 1} ['h', 'e', 'o']
# expect: [1, 2, 3] [0, 3, 6, 9] [0, 1, 2, 'a', 'b'] {0, 1, 5} {'a': 3, 'b': 2}
# expect: [1, 2, 3, 4] [[1, 3], [2, 4]]
# expect: True True False False
# expect: {'a': 'a', 'b': 'b'} set() [1, 2]
# expect: [0, 6, 12, 18] ['A', 'B'] [0, 2, 4]
# expect: [0, 0, 1] [0, 1] 1
