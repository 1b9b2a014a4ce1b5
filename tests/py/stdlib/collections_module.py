# collections: deque, defaultdict, OrderedDict, Counter, namedtuple.
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple

d = deque([1, 2, 3], maxlen=5)
d.appendleft(0)
d.append(4)
d.append(5)
print(d, len(d), d[0], d[-1], d.maxlen)
# expect: deque([1, 2, 3, 4, 5], maxlen=5) 5 1 5 5
d.rotate(2)
print(d)
# expect: deque([4, 5, 1, 2, 3], maxlen=5)
d.rotate(-1)
print(d, d.popleft(), d.pop(), list(d))
# expect: deque([1, 2, 3], maxlen=5) 5 4 [1, 2, 3]
d.extendleft('ab')
print(d, 'a' in d, 'z' in d)
# expect: deque(['b', 'a', 1, 2, 3], maxlen=5) True False
d.extend([7, 8, 9])
print(d, d.index(7), d.count(8))
# expect: deque([2, 3, 7, 8, 9], maxlen=5) 2 1
d[1] = 'X'
del d[0]
print(d, list(reversed(d)), deque() == deque([]), bool(deque()))
# expect: deque(['X', 7, 8, 9], maxlen=5) [9, 8, 7, 'X'] True False
e = deque()
for i in range(1000):
    e.append(i)
for i in range(990):
    e.popleft()
print(e, sum(e), len(e))
# expect: deque([990, 991, 992, 993, 994, 995, 996, 997, 998, 999]) 9945 10
for i in range(20):
    e.appendleft(-i)
print(len(e), e[0], e[19], e[20])
# expect: 30 -19 0 990
try:
    deque().pop()
except IndexError as err:
    print('IndexError:', err)
    # expect: IndexError: pop from an empty deque

dd = defaultdict(list)
dd['x'].append(1)
dd['y']
print(dd, dict(dd), isinstance(dd, dict), dd.default_factory)
# expect: defaultdict(<class 'list'>, {'x': [1], 'y': []}) {'x': [1], 'y': []} True <class 'list'>
counts = defaultdict(int)
for c in 'hello':
    counts[c] += 1
print(counts, sorted(counts.items()))
# expect: defaultdict(<class 'int'>, {'h': 1, 'e': 1, 'l': 2, 'o': 1}) [('e', 1), ('h', 1), ('l', 2), ('o', 1)]
nd = defaultdict()
try:
    nd['missing']
except KeyError as err:
    print('KeyError', err)
    # expect: KeyError 'missing'

od = OrderedDict()
od['a'] = 1
od['b'] = 2
od['c'] = 3
od.move_to_end('a')
print(od)
# expect: OrderedDict([('b', 2), ('c', 3), ('a', 1)])
od.move_to_end('c', last=False)
print(list(od), od.popitem(), od.popitem(last=False), od)
# expect: ['c', 'b', 'a'] ('a', 1) ('c', 3) OrderedDict([('b', 2)])
print(OrderedDict(), OrderedDict(x=1) == {'x': 1})
# expect: OrderedDict() True

c = Counter('abracadabra')
print(c, c.most_common(2), c['zz'])
# expect: Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1}) [('a', 5), ('b', 2)] 0
c.update('aaz')
c.subtract({'a': 1})
print(c, c.total())
# expect: Counter({'a': 6, 'b': 2, 'r': 2, 'c': 1, 'd': 1, 'z': 1}) 13
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
# expect: Counter({'a': 4, 'b': 3}) Counter({'a': 2})
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
# expect: Counter({'a': 3, 'b': 2}) Counter({'a': 1, 'b': 1})
print(sorted(Counter(a=2, b=1).elements()), Counter(), Counter({'x': 2}))
# expect: ['a', 'a', 'b'] Counter() Counter({'x': 2})
words = 'the cat and the hat and the bat'.split()
print(Counter(words).most_common(3))
# expect: [('the', 3), ('and', 2), ('cat', 1)]

Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p._fields, p._asdict(), p._replace(x=9), p == (1, 2))
# expect: Point(x=1, y=2) 1 2 1 ('x', 'y') {'x': 1, 'y': 2} Point(x=9, y=2) True
x, y = p
print(x + y, len(p), isinstance(p, tuple), hash(p) == hash((1, 2)), p[::-1])
# expect: 3 2 True True (2, 1)
P3 = namedtuple('P3', 'a b c', defaults=[0, 1])
print(P3(5), P3._make([1, 2, 3]), P3._field_defaults)
# expect: P3(a=5, b=0, c=1) P3(a=1, b=2, c=3) {'b': 0, 'c': 1}
try:
    Point(1)
except TypeError as err:
    print(err)
    # expect: Point.__new__() missing 1 required positional argument: 'y'
Pair = namedtuple('Pair', 'left, right')
print(Pair('l', 'r'), sorted([Pair(2, 1), Pair(1, 2)]))
# expect: Pair(left='l', right='r') [Pair(left=1, right=2), Pair(left=2, right=1)]
