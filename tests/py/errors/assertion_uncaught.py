# An uncaught AssertionError with its message.
def check(x):
    assert x > 0, "x must be positive"
    return x

print(check(1))  # expect: 1
check(-1)
# expect-error: line 3, in check
# expect-error: AssertionError: x must be positive
