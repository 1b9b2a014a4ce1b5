# An exception raised while handling another shows both.
try:
    {}["k"]
except KeyError:
    raise ValueError("while handling")
# expect-error: KeyError: 'k'
# expect-error: During handling of the above exception, another exception occurred:
# expect-error: ValueError: while handling
