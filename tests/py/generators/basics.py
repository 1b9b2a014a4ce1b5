# Generators: yield, next, iteration, laziness, exhaustion.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(5)))  # expect: [0, 1, 2, 3, 4]
g = count_up(3)
print(type(g).__name__, next(g), next(g), next(g))  # expect: generator 0 1 2
print(next(g, "exhausted"))  # expect: exhausted
def noisy():
    print("start")
    yield 1
    print("middle")
    yield 2
    print("end")
g = noisy()
print("created")  # expect: created
for v in g:
    print("got", v)
# expect: start
# expect: got 1
# expect: middle
# expect: got 2
# expect: end
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])  # expect: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
print(list(take(5, fib())))  # expect: [0, 1, 1, 2, 3]
print(sum(count_up(101)), max(count_up(7)))  # expect: 5050 6
def pipeline():
    nums = (x for x in range(20))
    evens = (x for x in nums if x % 2 == 0)
    return [x * x for x in evens]
print(pipeline())  # expect: [0, 4, 16, 36, 64, 100, 144, 196, 256, 324]
print(iter(g) is g)  # expect: True
def empty():
    return
    yield
print(list(empty()))  # expect: []
