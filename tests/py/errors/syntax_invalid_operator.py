# expect-error: SyntaxError: invalid syntax
x = 1 +* 2 3
