# Positional/keyword/*args/**kwargs calls, call errors, closures, nonlocal, global, decorators.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6, d=7))
print(f(*[1, 2, 3], **{"c": 9, "z": 0}))
print(f(1, *(2, 3), *[4], c=1, **{"x": 1}, **{"y": 2}))
def g(a, /, b, *, c): return a, b, c
print(g(1, 2, c=3), g(1, b=2, c=3))
def h(*args, **kwargs): return args, kwargs
print(h(), h(1, a=2), h(*"ab", **dict(x=1)))
def defaults(x, l=[]):
    l.append(x)
    return l
print(defaults(1), defaults(2), defaults(3, []))
def t(fn, *a, **k):
    try:
        print(fn(*a, **k))
    except TypeError as e:
        print("TypeError:", e)
t(f)
t(f, 1)
t(f, 1, c=1, a=2)
t(g, 1, 2, 3)
t(g, a=1, b=2, c=3)
t(lambda: 0, 1)
t(lambda x: x)
t(lambda x, y=1: x, 1, 2, 3)
t(lambda *, k: k)
t(lambda x: x, y=1)
t(h, **{"a": 1}, **{"a": 2}) if False else print("skip dup")
t(len, [1], [2])
t(defaults)
k = lambda x, y=2, *z, **w: (x, y, z, w)
print(k(1), k(1, 3, 4, q=5), (lambda: "noargs")(), (lambda *a: a)(1, 2))
print(f.__name__, k.__name__, f.__defaults__, f.__kwdefaults__)
def outer():
    x = 0
    def inc():
        nonlocal x
        x += 1
        return x
    return inc
c = outer()
print(c(), c(), c())
counter = 0
def bump():
    global counter
    counter += 10
bump(); bump()
print(counter)
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)], [lambda x: x + i for i in range(3)]
a1, a2 = make_adders()
print([f(10) for f in a1], [f(10) for f in a2])
def deep():
    a = 1
    def m():
        b = 2
        def n():
            return a + b
        return n
    return m()()
print(deep())
def shadow():
    x = "local"
    def inner():
        return x
    x = "changed"
    return inner()
print(shadow())
def unbound():
    print(y)
    y = 1
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def free_unbound():
    def inner():
        return z
    r = None
    try:
        r = inner()
    except NameError as e:
        r = "NameError: " + str(e)
    z = 1
    return r
print(free_unbound())
def dec(fn):
    def wrapper(*a, **k):
        return "<" + str(fn(*a, **k)) + ">"
    return wrapper
def param(tag):
    def d(fn):
        return lambda *a: tag + fn(*a)
    return d
@dec
@param("T:")
def greet(n): return "hi " + n
print(greet("bob"))
def rec(n): return 1 if n <= 1 else n * rec(n - 1)
print(rec(30))
def kwonly(*, a=1, b): return a, b
print(kwonly(b=2))
print((lambda a, *, b=3: a + b)(1), (lambda **kw: sorted(kw))(z=1, a=2))
# expect: (1, 2, (), 3, 4, [])
# expect: (1, 2, (3, 4), 5, 7, [('e', 6)])
# expect: (1, 2, (3,), 9, 4, [('z', 0)])
# expect: (1, 2, (3, 4), 1, 4, [('x', 1), ('y', 2)])
# expect: (1, 2, 3) (1, 2, 3)
# expect: ((), {}) ((1,), {'a': 2}) (('a', 'b'), {'x': 1})
# expect: [1, 2] [1, 2] [3]
# expect: TypeError: f() missing 1 required positional argument: 'a'
# expect: TypeError: f() missing 1 required keyword-only argument: 'c'
# expect: TypeError: f() got multiple values for argument 'a'
# expect: TypeError: g() takes 2 positional arguments but 3 were given
# expect: TypeError: g() got some positional-only arguments passed as keyword arguments: 'a'
# expect: TypeError: <lambda>() takes 0 positional arguments but 1 was given
# expect: TypeError: <lambda>() missing 1 required positional argument: 'x'
# expect: TypeError: <lambda>() takes from 1 to 2 positional arguments but 3 were given
# expect: TypeError: <lambda>() missing 1 required keyword-only argument: 'k'
# expect: TypeError: <lambda>() got an unexpected keyword argument 'y'
# expect: skip dup
# expect: TypeError: len() takes exactly one argument (2 given)
# expect: TypeError: defaults() missing 1 required positional argument: 'x'
# expect: (1, 2, (), {}) (1, 3, (4,), {'q': 5}) noargs (1, 2)
# expect: f <lambda> (2,) {'d': 4}
# expect: 1 2 3
# expect: 20
# expect: [10, 11, 12] [12, 12, 12]
# expect: 3
# expect: changed
# expect: UnboundLocalError: cannot access local variable 'y' where it is not associated with a value
# expect: NameError: cannot access free variable 'z' where it is not associated with a value in enclosing scope
# expect: <T:hi bob>
# expect: 265252859812191058636308480000000
# expect: (1, 2)
# expect: 4 ['a', 'z']
