# Comparisons: chained, identity, membership, and/or returning operands.
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 >= 1)  # expect: True False True
x = 5
print(0 < x <= 5, 0 < x < 5)  # expect: True False
print(1 == 1.0, 1 != 2, "a" < "b", "B" < "a")  # expect: True True True True
print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), [] == [], () == ())  # expect: True True True True
calls = []
def f(v):
    calls.append(v)
    return v
print(f(1) < f(0) < f(2), calls)  # expect: False [1, 0]
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)  # expect: True False True True
print(None is None, type(None).__name__)  # expect: True NoneType
print(2 in [1, 2, 3], 4 not in [1, 2, 3], "ell" in "hello", "k" in {"k": 1})
# expect: True True True True
print(1 in {1, 2}, (1, 2) in [(1, 2)], 3 in range(5))  # expect: True True True
print([0 or "default", "x" or "y", None or 0 or [], 1 and 2, 0 and 2, "" and 1])
# expect: ['default', 'x', [], 2, 0, '']
print(not 0, not 1, not [], not [0])  # expect: True False True False
print(1 if True else 2, 1 if False else 2)  # expect: 1 2
print("yes" if [] else "no", "yes" if [0] else "no")  # expect: no yes
y = 10
print("big" if y > 5 else "mid" if y > 2 else "small")  # expect: big
print(True == 1, False == 0, True is True)  # expect: True True True
print(float("nan") == float("nan"), 1 < float("inf"))  # expect: False True
