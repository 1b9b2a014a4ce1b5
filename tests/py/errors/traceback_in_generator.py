# An exception escaping a generator driven by a for loop.
def g():
    yield 1
    raise RuntimeError("in gen")
for v in g():
    print(v)
# expect: 1
# expect-error: RuntimeError: in gen
