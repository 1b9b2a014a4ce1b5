foo(a, b
bar()
# expect-error: SyntaxError: '(' was never closed
