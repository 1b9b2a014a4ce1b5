# Comments, backslash and bracket continuation, semicolons.
a = 1 + \
    2 + \
    3
print(a)  # expect: 6

b = (1 +
     2   # comments inside brackets are fine
     + 3)
print(b)  # expect: 6

items = [
    1,
    2,
    3,   # trailing comma
]
print(items)  # expect: [1, 2, 3]

d = {
    "k": "v",
    "n":
        10,
}
print(d)  # expect: {'k': 'v', 'n': 10}

def f(a,
      b,
      c=3):
    return a + b + c
print(f(1,
        2))
# expect: 6

x = 1; y = 2; z = x + y; print(z)  # expect: 3
if x: print("one"); print("two")
# expect: one
# expect: two

s = ("implicit "
     "concatenation "
     'of strings')
print(s)  # expect: implicit concatenation of strings
long_condition = True and \
    not False
print(long_condition)  # expect: True
# a comment at the end of the file, after everything
