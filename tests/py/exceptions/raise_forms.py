# raise, raise from, bare raise to re-raise, exception args and attributes.
try:
    raise ValueError("a", 1)
except ValueError as e:
    print(e.args, str(e), repr(e))
# expect: ('a', 1) ('a', 1) ValueError('a', 1)
try:
    raise ValueError
except ValueError as e:
    print(e.args, repr(str(e)))
# expect: () ''
try:
    raise KeyError("k")
except KeyError as e:
    print(str(e), e.args[0])
# expect: 'k' k
def reraise():
    try:
        raise IndexError("original")
    except IndexError:
        print("handling, then re-raising")
        raise
try:
    reraise()
except IndexError as e:
    print("re-raised:", e)
# expect: handling, then re-raising
# expect: re-raised: original
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, "| cause:", repr(e.__cause__), e.__suppress_context__)
# expect: wrapped | cause: ZeroDivisionError('division by zero') True
try:
    try:
        raise ValueError("ctx")
    except ValueError:
        raise TypeError("during handling")
except TypeError as e:
    print(e, "| context:", repr(e.__context__), e.__cause__)
# expect: during handling | context: ValueError('ctx') None
try:
    raise RuntimeError("no cause") from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__)
# expect: None True
err = ValueError("stored")
try:
    raise err
except ValueError as e:
    print(e is err)
# expect: True
e = "name before"
try:
    raise OSError("x")
except OSError as e:
    pass
try:
    print(e)
except NameError:
    print("'as' name is deleted after the handler")
# expect: 'as' name is deleted after the handler
class MyError(Exception):
    pass
try:
    raise MyError("custom", 42)
except MyError as e:
    print(type(e).__name__, e.args)
# expect: MyError ('custom', 42)
class WithInit(Exception):
    def __init__(self, code):
        super().__init__("code " + str(code))
        self.code = code
try:
    raise WithInit(7)
except WithInit as e:
    print(e, e.code)
# expect: code 7 7
print(repr(str(Exception())), repr(Exception("m")), repr(ValueError(1, 2)))
# expect: '' Exception('m') ValueError(1, 2)
