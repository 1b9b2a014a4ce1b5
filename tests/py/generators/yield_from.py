# yield from: delegation, return value, send pass-through.
def inner():
    yield 1
    yield 2
    return "inner done"
def outer():
    result = yield from inner()
    print("inner returned", result)
    yield 3
print(list(outer()))
# expect: inner returned inner done
# expect: [1, 2, 3]
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(3))))  # expect: [1, 2, 'a', 'b', 0, 1, 2]
def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, [3, 4]], [[5]]])))  # expect: [1, 2, 3, 4, 5]
def accumulate():
    total = 0
    while True:
        v = yield
        if v is None:
            return total
        total += v
def delegator(results):
    while True:
        total = yield from accumulate()
        results.append(total)
results = []
d = delegator(results)
next(d)
for v in [1, 2, 3, None, 10, 20, None]:
    d.send(v)
print(results)  # expect: [6, 30]
