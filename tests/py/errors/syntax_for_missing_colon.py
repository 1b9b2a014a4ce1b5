# expect-error: SyntaxError: invalid syntax
for x in range(3) print(x)
