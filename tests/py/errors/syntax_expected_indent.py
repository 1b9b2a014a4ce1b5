# expect-error: IndentationError: expected an indented block after 'if' statement on line 2
if True:
print("not indented")
