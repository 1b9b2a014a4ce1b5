def f():
    nonlocal q
# expect-error: SyntaxError: no binding for nonlocal 'q' found
