# Keyword-only parameters, *args and **kwargs.
def collect(*args, **kwargs):
    return args, kwargs
print(collect())  # expect: ((), {})
print(collect(1, 2, a=3))  # expect: ((1, 2), {'a': 3})
print(collect(*"ab", **{"x": 1}))  # expect: (('a', 'b'), {'x': 1})
def kwonly(a, *, b, c=3):
    return a + b + c
print(kwonly(1, b=2), kwonly(1, c=10, b=0))  # expect: 6 11
def positional_and_rest(first, *rest):
    return first, rest
print(positional_and_rest(1), positional_and_rest(1, 2, 3))  # expect: (1, ()) (1, (2, 3))
def forward(*args, **kwargs):
    return collect(*args, **kwargs)
print(forward(9, k="v"))  # expect: ((9,), {'k': 'v'})
def count_kwargs(**kw):
    return len(kw), sorted(kw)
print(count_kwargs(z=1, a=2, m=3))  # expect: (3, ['a', 'm', 'z'])
try:
    kwonly(1, 2)
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: kwonly() takes 1 positional argument but 2 were given
try:
    kwonly(1)
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: kwonly() missing 1 required keyword-only argument: 'b'
try:
    greet = lambda name: name
    greet()
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: <lambda>() missing 1 required positional argument: 'name'
def two(a, b):
    return a, b
try:
    two(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: two() takes 2 positional arguments but 3 were given
try:
    two(1, a=1)
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: two() got multiple values for argument 'a'
try:
    two(1, c=1)
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: two() got an unexpected keyword argument 'c'
