# An uncaught chained exception (raise ... from ...).
def a():
    raise ValueError("inner")
def b():
    try:
        a()
    except ValueError as e:
        raise KeyError("outer") from e
b()
# expect-error: KeyError: 'outer'
