# An uncaught exception prints a traceback to stderr and exits with status 1;
# what was printed before it still reaches stdout.
def divide(a, b):
    return a / b

def compute():
    return divide(1, 0)

print("before")  # expect: before
compute()
print("never")
# expect-error: Traceback (most recent call last):
# expect-error: traceback_zero_division.py", line 10, in <module>
# expect-error: traceback_zero_division.py", line 7, in compute
# expect-error: traceback_zero_division.py", line 4, in divide
# expect-error: ZeroDivisionError: division by zero
