# expect-error: SyntaxError: unterminated string literal (detected at line 3)
print("never printed")
x = "abc
