# raise ... from ... prints both exceptions, cause first.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError("bad config") from e

parse("x")
# expect-error: ValueError: invalid literal for int() with base 10: 'x'
# expect-error: The above exception was the direct cause of the following exception:
# expect-error: RuntimeError: bad config
