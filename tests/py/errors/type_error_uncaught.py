# An uncaught TypeError from a bad operand.
total = 0
for item in [1, 2, "3"]:
    total = total + item
    print(total)
# expect: 1
# expect: 3
# expect-error: line 4, in <module>
# expect-error: TypeError: unsupported operand type(s) for +: 'int' and 'str'
