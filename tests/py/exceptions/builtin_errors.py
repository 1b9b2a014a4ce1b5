# Messages of common built-in errors.
def show(fn):
    try:
        fn()
    except Exception as e:
        if str(e):
            print(type(e).__name__ + ":", e)
        else:
            print(type(e).__name__, "with no message")
show(lambda: 1 / 0)  # expect: ZeroDivisionError: division by zero
show(lambda: 1 // 0)  # expect: ZeroDivisionError: integer division or modulo by zero
show(lambda: 1 % 0)  # expect: ZeroDivisionError: integer modulo by zero
show(lambda: 1.0 / 0)  # expect: ZeroDivisionError: float division by zero
show(lambda: {"a": 1}["b"])  # expect: KeyError: 'b'
show(lambda: {}[(1, 2)])  # expect: KeyError: (1, 2)
show(lambda: [1, 2, 3][3])  # expect: IndexError: list index out of range
show(lambda: (1,)[5])  # expect: IndexError: tuple index out of range
show(lambda: "abc"[10])  # expect: IndexError: string index out of range
show(lambda: 1 + "a")  # expect: TypeError: unsupported operand type(s) for +: 'int' and 'str'
show(lambda: "a" + 1)  # expect: TypeError: can only concatenate str (not "int") to str
show(lambda: [] + ())  # expect: TypeError: can only concatenate list (not "tuple") to list
show(lambda: 2 * None)  # expect: TypeError: unsupported operand type(s) for *: 'int' and 'NoneType'
show(lambda: -"x")  # expect: TypeError: bad operand type for unary -: 'str'
show(lambda: undefined_name)  # expect: NameError: name 'undefined_name' is not defined
show(lambda: (1).nope)  # expect: AttributeError: 'int' object has no attribute 'nope'
show(lambda: "s".missing)  # expect: AttributeError: 'str' object has no attribute 'missing'
show(lambda: int("x"))  # expect: ValueError: invalid literal for int() with base 10: 'x'
show(lambda: int("12.5"))  # expect: ValueError: invalid literal for int() with base 10: '12.5'
show(lambda: float("abc"))  # expect: ValueError: could not convert string to float: 'abc'
show(lambda: [].pop())  # expect: IndexError: pop from empty list
show(lambda: [1].remove(2))  # expect: ValueError: list.remove(x): x not in list
show(lambda: [1].index(2))  # expect: ValueError: 2 is not in list
nothing, five, half = None, 5, 1.5
show(lambda: nothing())  # expect: TypeError: 'NoneType' object is not callable
show(lambda: five())  # expect: TypeError: 'int' object is not callable
show(lambda: len(5))  # expect: TypeError: object of type 'int' has no len()
show(lambda: "a" < 1)  # expect: TypeError: '<' not supported between instances of 'str' and 'int'
show(lambda: {}.pop("k"))  # expect: KeyError: 'k'
show(lambda: next(iter([])))  # expect: StopIteration with no message
show(lambda: chr(-1))  # expect: ValueError: chr() arg not in range(0x110000)
show(lambda: [1, 2][half])  # expect: TypeError: list indices must be integers or slices, not float
show(lambda: {[]: 1})  # expect: TypeError: unhashable type: 'list'
show(lambda: 10 ** -1 + pow(0, -1))
# expect: ZeroDivisionError: 0.0 cannot be raised to a negative power
a, b = 1, 2
def unpack():
    x, y = [1, 2, 3]
show(unpack)  # expect: ValueError: too many values to unpack (expected 2)
def unpack2():
    x, y, z = [1, 2]
show(unpack2)  # expect: ValueError: not enough values to unpack (expected 3, got 2)
def unbound():
    print(local_var)
    local_var = 1
show(unbound)
# expect: UnboundLocalError: cannot access local variable 'local_var' where it is not associated with a value
show(lambda: "abc".index("z"))  # expect: ValueError: substring not found
show(lambda: int("  42  ") + int(" x "))
# expect: ValueError: invalid literal for int() with base 10: ' x '
