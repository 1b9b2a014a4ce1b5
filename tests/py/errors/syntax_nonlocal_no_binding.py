# nonlocal with no enclosing binding, reported at the nonlocal statement.
def f():
    nonlocal q
# expect-error: SyntaxError: no binding for nonlocal 'q' found
