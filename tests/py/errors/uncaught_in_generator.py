# An exception escaping a generator reaches the consumer's traceback.
def gen():
    yield 1
    raise IndexError("from generator")

for v in gen():
    print(v)  # expect: 1
# expect-error: line 6, in <module>
# expect-error: line 4, in gen
# expect-error: IndexError: from generator
