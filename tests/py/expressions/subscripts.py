# Subscripts and slices with steps and negative indices.
a = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
print(a[0], a[-1], a[-10])  # expect: 0 9 0
print(a[2:5], a[:3], a[7:], a[:])
# expect: [2, 3, 4] [0, 1, 2] [7, 8, 9] [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
print(a[-3:], a[:-7], a[-5:-2])  # expect: [7, 8, 9] [0, 1, 2] [5, 6, 7]
print(a[::2], a[1::2], a[::-1], a[::-3])
# expect: [0, 2, 4, 6, 8] [1, 3, 5, 7, 9] [9, 8, 7, 6, 5, 4, 3, 2, 1, 0] [9, 6, 3, 0]
print(a[8:2:-2], a[2:8:-1], a[100:], a[-100:2])  # expect: [8, 6, 4] [] [] [0, 1]
print(a[5:100:3])  # expect: [5, 8]
s = "abcdef"
print(s[1], s[-2], s[1:4], s[::-1], s[::2])  # expect: b e bcd fedcba ace
t = (10, 20, 30, 40)
print(t[1:3], t[-1], t[::-2])  # expect: (20, 30) 40 (40, 20)
d = {"a": 1, (1, 2): "tuple key"}
print(d["a"], d[(1, 2)], d[1, 2])  # expect: 1 tuple key tuple key
m = [[1, 2], [3, 4]]
print(m[1][0], m[-1][-1])  # expect: 3 4
b = a[:]
b[2:5] = ["x"]
print(b)  # expect: [0, 1, 'x', 5, 6, 7, 8, 9]
b[::3] = [None] * len(b[::3])
print(b)  # expect: [None, 1, 'x', None, 6, 7, None, 9]
c = list(range(5))
c[1:1] = [9, 9]
print(c)  # expect: [0, 9, 9, 1, 2, 3, 4]
print(a[slice(1, 4)], a[slice(None, None, -4)])  # expect: [1, 2, 3] [9, 5, 1]
