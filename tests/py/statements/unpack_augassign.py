# Tuple and starred unpacking, chained and augmented assignment, slice assignment, del.
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = [3, 4], 5
print(c, d, e)
first, *rest = [1, 2, 3]
*init, last = "abcd"
h, *mid, t = range(5)
print(first, rest, init, last, h, mid, t)
x, *y = [1]
print(x, y)
[p, q] = (7, 8)
print(p, q)
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print(i, j, k)
a = b = c = [0]
a.append(1)
print(b, c is a)
n = 5
n += 2; n -= 1; n *= 3; n //= 4; n **= 2; n %= 7; n <<= 3; n >>= 1; n |= 1; n &= 0xff; n ^= 2
print(n)
l = [1, 2]
l2 = l
l += [3]
print(l2, l is l2)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
s = "a"
s *= 3
print(s)
d = {"k": 1}
d["k"] += 5
lst = [[0, 0]]
lst[0][1] += 9
class O: pass
o = O(); o.v = 1; o.v += 1
print(d, lst, o.v)
xs = [0, 1, 2, 3, 4, 5, 6]
xs[1:3] = ["a", "b", "c"]
print(xs)
xs[::2] = [9, 9, 9, 9]
print(xs)
del xs[0], xs[-1]
print(xs)
del xs[::2]
print(xs)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
try:
    xs[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
(a), = [5]
print(a)
i = 0
data = [0, 0]
i, data[i] = 1, 5
print(i, data)
# expect: 2 1
# expect: 3 4 5
# expect: 1 [2, 3] ['a', 'b', 'c'] d 0 [1, 2, 3] 4
# expect: 1 []
# expect: 7 8
# expect: 0 1 2
# expect: 1 3 4
# expect: [0, 1] True
# expect: 11
# expect: [1, 2, 3] True
# expect: (1, 2) (1,)
# expect: aaa
# expect: {'k': 6} [[0, 9]] 2
# expect: [0, 'a', 'b', 'c', 3, 4, 5, 6]
# expect: [9, 'a', 9, 'c', 9, 4, 9, 6]
# expect: ['a', 9, 'c', 9, 4, 9]
# expect: [9, 9, 9]
# expect: ValueError: too many values to unpack (expected 2)
# expect: ValueError: not enough values to unpack (expected 3, got 2)
# expect: ValueError: not enough values to unpack (expected at least 2, got 1)
# expect: TypeError: cannot unpack non-iterable int object
# expect: ValueError: attempt to assign sequence of size 1 to extended slice of size 2
# expect: 5
# expect: 1 [0, 5]
