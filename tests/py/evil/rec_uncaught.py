# Evil input: must fail cleanly (an exception, never a crash).
def f():
    f()
f()
# expect-error: RecursionError: maximum recursion depth exceeded
