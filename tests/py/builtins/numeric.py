# abs min max sum round divmod pow with keywords.
print(abs(-3), abs(3.5), abs(-0.0), abs(-(2 ** 70)), abs(True))
# expect: 3 3.5 0.0 1180591620717411303424 1
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("abc"), min((2, 1)))  # expect: 1 3 4 c 1
print(max([1, -5, 3], key=abs), min(["bb", "a", "ccc"], key=len))  # expect: -5 a
print(max([], default=None), min([], default="none"), max([7], default=0))  # expect: None none 7
print(min(1, 1.0), max(1.0, 1), max([2, 2.0]), min([[1, 2], [1]]))  # expect: 1 1.0 2 [1]
print(sum([1, 2, 3]), sum([], 10), sum(range(5), start=100), sum([0.5, 0.5]), sum([]))
# expect: 6 10 110 1.0 0
print(round(3.7), round(-3.5), round(2.567, 2), round(5, 1), round(3.14159, ndigits=3))
# expect: 4 -4 2.57 5 3.142
print(divmod(7, 2), divmod(-7, 2), divmod(7.0, 2))  # expect: (3, 1) (-4, 1) (3.0, 1.0)
print(pow(2, 8), pow(2, -2), pow(2, 8, 5), pow(-3, 3), pow(base=2, exp=3), pow(2.0, 3))
# expect: 256 0.25 1 -27 8 8.0
try:
    max()
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: max expected at least 1 argument, got 0
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
# expect: ValueError: max() arg is an empty sequence
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: sum() can't sum strings [use ''.join(seq) instead]
