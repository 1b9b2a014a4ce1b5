# A grammar error on the same line as an unclosed bracket stays 'invalid syntax'.
def f(:
    pass
# expect-error: SyntaxError: invalid syntax
