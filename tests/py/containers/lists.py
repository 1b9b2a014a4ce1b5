# list methods.
a = [3, 1, 2]
a.append(4); print(a)  # expect: [3, 1, 2, 4]
a.extend([5, 6]); print(a)  # expect: [3, 1, 2, 4, 5, 6]
a.extend(range(7, 9)); a.extend("ab"); print(a)  # expect: [3, 1, 2, 4, 5, 6, 7, 8, 'a', 'b']
a.insert(0, "first"); a.insert(-1, "before last"); a.insert(100, "end"); print(a)
# expect: ['first', 3, 1, 2, 4, 5, 6, 7, 8, 'a', 'before last', 'b', 'end']
print(a.pop(), a.pop(0), a.pop(-2), a)
# expect: end first before last [3, 1, 2, 4, 5, 6, 7, 8, 'a', 'b']
a.remove("a"); print(a)  # expect: [3, 1, 2, 4, 5, 6, 7, 8, 'b']
print(a.index(5), a.index(2, 1), a.count(2), [1, 1, 2, 1].count(1))  # expect: 4 2 1 3
b = a.copy(); b.clear(); print(b, len(a))  # expect: [] 9
c = [1, 2, 3]
c.reverse(); print(c)  # expect: [3, 2, 1]
print(c * 2, c + [0], len(c), c[::-1])  # expect: [3, 2, 1, 3, 2, 1] [3, 2, 1, 0] 3 [1, 2, 3]
d = [[0] * 2] * 2
d[0][0] = 9
print(d)  # expect: [[9, 0], [9, 0]]
e = [[0] * 2 for _ in range(2)]
e[0][0] = 9
print(e)  # expect: [[9, 0], [0, 0]]
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, 2] < [1, 2, 3], [2] > [1, 9], [] < [0])
# expect: True True True True True
print(list("abc"), list(range(3)), list((1, 2)), list({"k": 1}), list())
# expect: ['a', 'b', 'c'] [0, 1, 2] [1, 2] ['k'] []
f = [1, 2, 3, 4, 5]
f[1:3] = []
print(f)  # expect: [1, 4, 5]
f[len(f):] = [6, 7]
print(f, f.index(7), 7 in f)  # expect: [1, 4, 5, 6, 7] 4 True
g = [5, 3]
g += (9,)
print(g, g * 0)  # expect: [5, 3, 9] []
print(sum([[1], [2, 3]], []), [x for x in reversed([1, 2, 3])])  # expect: [1, 2, 3] [3, 2, 1]
try:
    [].index(1)
except ValueError as e:
    print("ValueError:", e)
# expect: ValueError: 1 is not in list
