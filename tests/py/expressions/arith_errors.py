# The exceptions arithmetic and conversions raise, with CPython's messages (5 @ 3 included).
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
t(lambda: 1 / 0)
t(lambda: 1 // 0)
t(lambda: 1 % 0)
t(lambda: 1.0 / 0)
t(lambda: 1.0 // 0.0)
t(lambda: divmod(1, 0))
t(lambda: 0 ** -1)
t(lambda: 2 ** 10000 * 1.0)
t(lambda: 1 + "a")
t(lambda: "a" + 1)
t(lambda: [] + ())
t(lambda: "a" * "b")
t(lambda: -"a")
t(lambda: ~1.5)
t(lambda: 1 < "a")
t(lambda: [1] < [None])
t(lambda: int("abc"))
t(lambda: int("12", 40))
t(lambda: float("x1"))
t(lambda: 1 << -1)
t(lambda: pow(2, -1, 4))
t(lambda: round(float('inf')))
t(lambda: int(float('nan')))
t(lambda: 10 ** 400 / 1)
t(lambda: float(10 ** 400))
t(lambda: chr(-1))
t(lambda: ord("ab"))
t(lambda: None + 1)
t(lambda: 5 @ 3)
# expect: ZeroDivisionError: division by zero
# expect: ZeroDivisionError: integer division or modulo by zero
# expect: ZeroDivisionError: integer modulo by zero
# expect: ZeroDivisionError: float division by zero
# expect: ZeroDivisionError: float floor division by zero
# expect: ZeroDivisionError: integer division or modulo by zero
# expect: ZeroDivisionError: 0.0 cannot be raised to a negative power
# expect: OverflowError: int too large to convert to float
# expect: TypeError: unsupported operand type(s) for +: 'int' and 'str'
# expect: TypeError: can only concatenate str (not "int") to str
# expect: TypeError: can only concatenate list (not "tuple") to list
# expect: TypeError: can't multiply sequence by non-int of type 'str'
# expect: TypeError: bad operand type for unary -: 'str'
# expect: TypeError: bad operand type for unary ~: 'float'
# expect: TypeError: '<' not supported between instances of 'int' and 'str'
# expect: TypeError: '<' not supported between instances of 'int' and 'NoneType'
# expect: ValueError: invalid literal for int() with base 10: 'abc'
# expect: ValueError: int() base must be >= 2 and <= 36, or 0
# expect: ValueError: could not convert string to float: 'x1'
# expect: ValueError: negative shift count
# expect: ValueError: base is not invertible for the given modulus
# expect: OverflowError: cannot convert float infinity to integer
# expect: ValueError: cannot convert float NaN to integer
# expect: OverflowError: integer division result too large for a float
# expect: OverflowError: int too large to convert to float
# expect: ValueError: chr() arg not in range(0x110000)
# expect: TypeError: ord() expected a character, but string of length 2 found
# expect: TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'
# expect: TypeError: unsupported operand type(s) for @: 'int' and 'int'
