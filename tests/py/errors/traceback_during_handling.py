# An exception raised while handling another.
try:
    {}["missing"]
except KeyError:
    x = 1 / 0
# expect-error: ZeroDivisionError: division by zero
