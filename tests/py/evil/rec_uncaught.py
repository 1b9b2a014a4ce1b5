def f():
    f()
f()
# expect-error: RecursionError: maximum recursion depth exceeded
