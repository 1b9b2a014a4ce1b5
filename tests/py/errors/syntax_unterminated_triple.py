# expect-error: SyntaxError: unterminated triple-quoted string literal (detected at line 4)
print("never printed")
x = """abc
def
