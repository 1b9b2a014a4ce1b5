# itertools and functools.
import itertools
import functools
from functools import lru_cache, partial, reduce, wraps, total_ordering, cmp_to_key

print(list(itertools.islice(itertools.count(5, 2), 4)), list(itertools.islice('abcdefg', 1, 6, 2)))
# expect: [5, 7, 9, 11] ['b', 'd', 'f']
print(list(itertools.islice('abcdef', 3)), list(itertools.islice(range(10), 2, None)))
# expect: ['a', 'b', 'c'] [2, 3, 4, 5, 6, 7, 8, 9]
print(list(itertools.chain([1], (2, 3))), list(itertools.chain.from_iterable(['ab', 'c'])))
# expect: [1, 2, 3] ['a', 'b', 'c']
print(list(itertools.product('ab', repeat=2)), list(itertools.product([1, 2], 'x')))
# expect: [('a', 'a'), ('a', 'b'), ('b', 'a'), ('b', 'b')] [(1, 'x'), (2, 'x')]
print(list(itertools.permutations('abc', 2)), len(list(itertools.permutations(range(4)))))
# expect: [('a', 'b'), ('a', 'c'), ('b', 'a'), ('b', 'c'), ('c', 'a'), ('c', 'b')] 24
print(list(itertools.combinations('abcd', 2)), list(itertools.combinations_with_replacement('ab', 2)))
# expect: [('a', 'b'), ('a', 'c'), ('a', 'd'), ('b', 'c'), ('b', 'd'), ('c', 'd')] [('a', 'a'), ('a', 'b'), ('b', 'b')]
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
# expect: [1, 3, 6, 10] [10, 10, 20, 60]
print(list(itertools.accumulate([3, 1, 4, 1, 5], max)))
# expect: [3, 3, 4, 4, 5]
print(list(itertools.zip_longest('ab', 'xyz', fillvalue='-')), list(itertools.zip_longest([1], [])))
# expect: [('a', 'x'), ('b', 'y'), ('-', 'z')] [(1, None)]
print([(k, list(g)) for k, g in itertools.groupby('aaabccd')])
# expect: [('a', ['a', 'a', 'a']), ('b', ['b']), ('c', ['c', 'c']), ('d', ['d'])]
print([(k, len(list(g))) for k, g in itertools.groupby([1, 3, 5, 2, 4, 7], key=lambda v: v % 2)])
# expect: [(1, 3), (0, 2), (1, 1)]
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.takewhile(lambda v: v < 3, [1, 2, 3, 1])))
# expect: [8, 9] [1, 2]
print(list(itertools.dropwhile(lambda v: v < 3, [1, 2, 3, 1])), list(itertools.compress('abc', [1, 0, 1])))
# expect: [3, 1] ['a', 'c']
print(list(itertools.filterfalse(lambda v: v % 2, range(6))), list(itertools.pairwise('abcd')))
# expect: [0, 2, 4] [('a', 'b'), ('b', 'c'), ('c', 'd')]
a, b = itertools.tee([1, 2, 3])
print(list(a), list(b))
# expect: [1, 2, 3] [1, 2, 3]
print(list(itertools.repeat('x', 3)), list(itertools.islice(itertools.cycle('ab'), 5)))
# expect: ['x', 'x', 'x'] ['a', 'b', 'a', 'b', 'a']

print(reduce(lambda u, v: u + v, [1, 2, 3]), reduce(lambda u, v: u * v, [], 1))
# expect: 6 1
try:
    reduce(lambda u, v: u, [])
except TypeError as err:
    print(err)
    # expect: reduce() of empty iterable with no initial value
p = partial(int, base=2)
print(p('101'), p.func, p.args, p.keywords)
# expect: 5 <class 'int'> () {'base': 2}
def add(a, b, c=0):
    return a + b + c
q = partial(add, 1, c=5)
print(q(2), q.args, q.keywords, partial(q, 10)(), repr(partial(add, 1)).startswith('functools.partial(<function add'))
# expect: 8 (1,) {'c': 5} 16 True

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
# expect: 23416728348467685 CacheInfo(hits=78, misses=81, maxsize=None, currsize=81)

@lru_cache
def square(v):
    return v * v
print(square(3), square(3), square.cache_info(), square.__name__)
# expect: 9 9 CacheInfo(hits=1, misses=1, maxsize=128, currsize=1) square
square.cache_clear()
print(square.cache_info())
# expect: CacheInfo(hits=0, misses=0, maxsize=128, currsize=0)

@lru_cache(maxsize=2)
def ident(v):
    return v
for v in [1, 2, 1, 3, 2]:
    ident(v)
print(ident.cache_info())
# expect: CacheInfo(hits=1, misses=4, maxsize=2, currsize=2)

@functools.cache
def tri(n):
    return 0 if n == 0 else n + tri(n - 1)
print(tri(50))
# expect: 1275

def deco(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        return f(*args, **kwargs)
    return wrapper

@deco
def hello():
    "greets"
    return 1
print(hello.__name__, hello.__doc__, hello.__wrapped__.__name__, hello())
# expect: hello greets hello 1

@total_ordering
class Version:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
    def __lt__(self, other):
        return self.v < other.v
print(Version(1) <= Version(2), Version(3) >= Version(2), Version(1) > Version(2), Version(2) <= Version(2))
# expect: True True False True
print(sorted([3, 1, 2], key=cmp_to_key(lambda u, v: v - u)))
# expect: [3, 2, 1]
