# Reading a local before assignment raises UnboundLocalError.
x = 10
def f():
    print(x)
    x = 20
f()
# expect-error: line 4, in f
# expect-error: UnboundLocalError: cannot access local variable 'x' where it is not associated with a value
