# A grammar error on a later line than an unclosed bracket blames the bracket.
foo(a, b
bar()
# expect-error: SyntaxError: '(' was never closed
