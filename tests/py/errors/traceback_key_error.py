# An uncaught KeyError shows the key's repr.
d = {"a": 1}
for key in ["a", "missing"]:
    print(key, d[key])  # expect: a 1
# expect-error: Traceback (most recent call last):
# expect-error: traceback_key_error.py", line 4, in <module>
# expect-error: KeyError: 'missing'
