# __cause__, __context__, __suppress_context__, and how tracebacks print them.
def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("bad") from e
try:
    f()
except ValueError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)  # expect: ZeroDivisionError('division by zero') ZeroDivisionError('division by zero') True
try:
    try:
        {}["k"]
    except KeyError:
        raise TypeError("t")
except TypeError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)  # expect: KeyError('k') None False
try:
    try:
        {}["k"]
    except KeyError:
        raise TypeError("t") from None
except TypeError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)  # expect: KeyError('k') None True
e = ValueError(); e.__cause__ = KeyError(1); print(e.__suppress_context__)  # expect: True

def g():
    try:
        {}["x"]
    except KeyError:
        int("zz")
g()
# expect-error: KeyError: 'x'
# expect-error: During handling of the above exception, another exception occurred:
# expect-error: ValueError: invalid literal for int() with base 10: 'zz'
