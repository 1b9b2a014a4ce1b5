# assert, with and without a message.
assert True
assert 1 == 1, "never shown"
try:
    assert 1 == 2
except AssertionError as e:
    print("caught", repr(e), e.args)
# expect: caught AssertionError() ()
try:
    assert False, "custom message"
except AssertionError as e:
    print("caught", e)
# expect: caught custom message
try:
    x = 3
    assert x > 5, f"x is {x}"
except AssertionError as e:
    print(e)
# expect: x is 3
try:
    assert [], ["a", "list"]
except AssertionError as e:
    print(e.args[0])
# expect: ['a', 'list']
print("end")  # expect: end
