# Assignment: chained, tuple unpacking, nested and starred targets.
a = b = c = 5
print(a, b, c)  # expect: 5 5 5
x, y = 1, 2
x, y = y, x
print(x, y)  # expect: 2 1
(p, q), r = (1, 2), 3
print(p, q, r)  # expect: 1 2 3
[m, n] = "ab"
print(m, n)  # expect: a b
first, *middle, last = range(6)
print(first, middle, last)  # expect: 0 [1, 2, 3, 4] 5
*init, tail = [1]
print(init, tail)  # expect: [] 1
head, *rest = "hello"
print(head, rest)  # expect: h ['e', 'l', 'l', 'o']
a, (b, *c), d = 1, (2, 3, 4), 5
print(a, b, c, d)  # expect: 1 2 [3, 4] 5
lst = [0, 0, 0]
i = 0
i, lst[i] = 2, 9
print(i, lst)  # expect: 2 [0, 0, 9]
d = {}
d["k"], d["j"] = "v", "w"
print(d)  # expect: {'k': 'v', 'j': 'w'}
class Obj: pass
o = Obj()
o.x, o.y = 10, 20
print(o.x + o.y)  # expect: 30
for k, v in [("a", 1), ("b", 2)]:
    print(k, v)
# expect: a 1
# expect: b 2
for idx, (u, w) in enumerate([(1, 2), (3, 4)]):
    print(idx, u * w)
# expect: 0 2
# expect: 1 12
t = 1, 2
one, two = t
print(one + two)  # expect: 3
