# Calls: positional, keyword, *args, **kwargs and their combinations.
def f(a, b, c=3, *args, d=4, **kwargs):
    return (a, b, c, args, d, sorted(kwargs.items()))

print(f(1, 2))  # expect: (1, 2, 3, (), 4, [])
print(f(1, 2, 5))  # expect: (1, 2, 5, (), 4, [])
print(f(1, 2, 5, 6, 7))  # expect: (1, 2, 5, (6, 7), 4, [])
print(f(1, b=9))  # expect: (1, 9, 3, (), 4, [])
print(f(b=1, a=2))  # expect: (2, 1, 3, (), 4, [])
print(f(1, 2, d=0, e=5, z=6))  # expect: (1, 2, 3, (), 0, [('e', 5), ('z', 6)])
args = [10, 20, 30, 40]
print(f(*args))  # expect: (10, 20, 30, (40,), 4, [])
kw = {"b": 2, "x": 1}
print(f(0, **kw))  # expect: (0, 2, 3, (), 4, [('x', 1)])
print(f(*[1], *[2, 3], **{"d": 7}, **{"y": 8}))  # expect: (1, 2, 3, (), 7, [('y', 8)])
print(max(*[3, 1, 2]))  # expect: 3
def g(*, key):
    return key
print(g(key="k"))  # expect: k
def h(*args):
    return len(args)
print(h(), h(1), h(*range(10)))  # expect: 0 1 10
print(print("inner") is None)
# expect: inner
# expect: True
