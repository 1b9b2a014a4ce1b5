# expect-error: SyntaxError: '(' was never closed
x = (1 + 2
y = 3
