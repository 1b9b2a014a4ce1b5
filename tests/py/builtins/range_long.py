# range with bounds or a length beyond 64 bits (CPython's longrange): every
# operation works with int objects; only len() refuses, as in CPython.
big = 1 << 1000
r = range(big)
print(type(iter(r)).__name__, bool(r), r[5], r[-1] == big - 1, big - 1 in r, big in r, -1 in r)
try:
    len(r)
except OverflowError as e:
    print("OverflowError", e)
print(r.start, r.stop == big, r.step)
r2 = range(-big, big, big // 3)
print(list(r2)[:2] == [-big, -big + big // 3], len(r2), r2.index(-big + big // 3), r2.count(-big))
it = iter(range(big, big + 3))
print(next(it) - big, next(it) - big, next(it) - big)
print([x - big for x in reversed(range(big, big + 5, 2))])
print(range(big)[big - 3:] == range(big - 3, big), range(10)[::big], range(2 ** 62, -2 ** 62, -2 ** 61))
print(range(big) == range(big), hash(range(big)) == hash(range(0, big)), range(big) == range(big + 1))
print(repr(range(0, big, 7))[:20])
s = range(-2 ** 63, 2 ** 63)
try:
    len(s)
except OverflowError as e:
    print("OverflowError", e)
print(s[2 ** 63 + 5], s[-1], len(range(2 ** 63 - 1)), range(True, 5, True))
try:
    range(1.5)
except TypeError as e:
    print("TypeError", e)
try:
    range(big)["x"]
except TypeError as e:
    print("TypeError", e)
class I:
    def __index__(self): return 7
print(range(I()), range(I())[I()-1] if False else range(I())[-1], 3.0 in range(big), big * 2 in range(0, big * 4, 2))

# The expected output, in order:
# expect: longrange_iterator True 5 True True False False
# expect: OverflowError Python int too large to convert to C ssize_t
# expect: 0 True 1
# expect: True 7 1 1
# expect: 0 1 2
# expect: [4, 2, 0]
# expect: True range(0, 10, 10715086071862673209484250490600018105614048117055336074437503883703510511249361224931983788156958581275946729175531468251871452856923140435984577574698574803934567774824230985421074605062371141877954182153046474983581941267398767559165543946077062914571196477686542167660429831652624386837205668069376) range(4611686018427387904, -4611686018427387904, -2305843009213693952)
# expect: True True False
# expect: range(0, 10715086071
# expect: OverflowError Python int too large to convert to C ssize_t
# expect: 5 9223372036854775807 9223372036854775807 range(1, 5)
# expect: TypeError 'float' object cannot be interpreted as an integer
# expect: TypeError range indices must be integers or slices, not str
# expect: range(0, 7) 6 True True
