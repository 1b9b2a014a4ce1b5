# float ** with the eval loop's fast path (positive finite base) and the
# special cases that must still go through float_pow.
print(2.0 ** 0.5, 4 ** 0.5, 2.5 ** 2, 9.0 ** -0.5)  # expect: 1.4142135623730951 2.0 6.25 0.3333333333333333
print(2.0 ** -1080, 1.5 ** 0, float("inf") ** 0.5, 0.0 ** 0.5)  # expect: 0.0 1.0 inf 0.0
try:
    1e200 ** 2.0
except OverflowError as e:
    print("OverflowError")  # expect: OverflowError
try:
    0.0 ** -1.0
except ZeroDivisionError as e:
    print("ZeroDivisionError")  # expect: ZeroDivisionError
print((-2.0) ** 2, (-8.0) ** 3.0)  # expect: 4.0 -512.0
print(str(0), str(-123), str(2 ** 62), str(-2 ** 62 - 1), str(1.5))  # expect: 0 -123 4611686018427387904 -4611686018427387905 1.5
