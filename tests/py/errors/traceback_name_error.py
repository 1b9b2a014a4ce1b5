# An uncaught NameError inside a function.
def f():
    return undefined_variable + 1

f()
# expect-error: traceback_name_error.py", line 5, in <module>
# expect-error: traceback_name_error.py", line 3, in f
# expect-error: NameError: name 'undefined_variable' is not defined
