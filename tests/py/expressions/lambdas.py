# Lambda expressions.
square = lambda x: x * x
print(square(7))  # expect: 49
add = lambda a, b=10: a + b
print(add(1), add(1, 2))  # expect: 11 3
print((lambda: "no args")())  # expect: no args
print((lambda *a, **k: (a, sorted(k)))(1, 2, z=3))  # expect: ((1, 2), ['z'])
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda p: p[1]))  # expect: [(3, 'a'), (1, 'b'), (2, 'c')]
print(list(map(lambda x: x + 1, [1, 2, 3])))  # expect: [2, 3, 4]
print(list(filter(lambda x: x % 2, range(8))))  # expect: [1, 3, 5, 7]
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])  # expect: [10, 11, 12]
late = [lambda x: x + i for i in range(3)]
print([f(10) for f in late])  # expect: [12, 12, 12]
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, abs)(-5) + "!")  # expect: 5!
print((lambda x: (lambda y: x * y))(3)(4))  # expect: 12
print(square.__name__)  # expect: <lambda>
