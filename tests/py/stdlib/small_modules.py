# string, copy, heapq, bisect, operator.
import string
import copy
import heapq
import bisect
import operator

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
# expect: abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 0123456789abcdefABCDEF 01234567
print(repr(string.whitespace), len(string.printable), string.punctuation)
# expect: ' \t\n\r\x0b\x0c' 100 !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~
print(string.capwords('hello  big world'), string.capwords('a-b c-d', '-'))
# expect: Hello Big World A-B c-D

a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(99)
a[2]['k'].append(5)
print(b, c, b[1] is a[1], c[1] is a[1])
# expect: [1, [2, 3, 99], {'k': [4, 5]}] [1, [2, 3], {'k': [4]}] True False
class Node:
    def __init__(self, value):
        self.value = value
        self.children = []
n = Node(1)
n.children.append(Node(2))
m = copy.deepcopy(n)
m.children[0].value = 20
print(n.children[0].value, m.children[0].value, type(m).__name__)
# expect: 2 20 Node
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc[1] is cyc)
# expect: True False
class Custom:
    def __init__(self):
        self.calls = 0
    def __copy__(self):
        return 'custom copy'
    def __deepcopy__(self, memo):
        return 'custom deepcopy'
print(copy.copy(Custom()), copy.deepcopy(Custom()), copy.deepcopy((1, [2])), copy.copy({1, 2}))
# expect: custom copy custom deepcopy (1, [2]) {1, 2}

h = []
for v in [5, 1, 4, 2, 3]:
    heapq.heappush(h, v)
print(h[0], [heapq.heappop(h) for _ in range(5)])
# expect: 1 [1, 2, 3, 4, 5]
data = [9, 3, 7, 1, 8]
heapq.heapify(data)
print(data[0], heapq.heapreplace(data, 6), heapq.heappushpop(data, 0), sorted(data))
# expect: 1 1 0 [3, 6, 7, 8, 9]
print(heapq.nlargest(2, [3, 1, 9, 7]), heapq.nsmallest(3, [3, 1, 9, 7]), heapq.nlargest(1, ['a', 'bbb'], key=len))
# expect: [9, 7] [1, 3, 7] ['bbb']
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])), list(heapq.merge([3, 2], [4, 1], reverse=True)))
# expect: [1, 2, 3, 4, 5, 6, 7, 9] [4, 3, 2, 1]

s = [1, 3, 5, 7]
print(bisect.bisect_left(s, 5), bisect.bisect_right(s, 5), bisect.bisect(s, 4), bisect.bisect_left(s, 0))
# expect: 2 3 2 0
bisect.insort(s, 4)
bisect.insort_left(s, 5)
print(s)
# expect: [1, 3, 4, 5, 5, 7]
recs = [(1, 'a'), (3, 'b'), (5, 'c')]
print(bisect.bisect_left(recs, 3, key=lambda r: r[0]))
# expect: 1

print(operator.add(2, 3), operator.itemgetter(1)('abc'), operator.itemgetter(0, 2)('abc'))
# expect: 5 b ('a', 'c')
print(operator.attrgetter('real')(5), operator.methodcaller('upper')('x'), operator.mul(3, 4))
# expect: 5 X 12
