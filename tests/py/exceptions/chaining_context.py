# __cause__/__context__, exception matching, custom exceptions with super().__init__, bare raise.
try:
    try:
        raise OSError("disk")
    except OSError as e:
        raise RuntimeError("wrap") from e
except RuntimeError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        1/0
    except ZeroDivisionError:
        raise ValueError
except ValueError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
err = None
try:
    raise ValueError("x")
except ValueError as e:
    err = e
print(repr(err), err.args, str(err), isinstance(err, Exception), issubclass(ValueError, Exception))
try:
    raise IndexError
except (KeyError, IndexError) as e:
    print("tuple match", type(e).__name__, repr(e))
try:
    raise KeyError("a")
except LookupError as e:
    print("base match", e, str(KeyError()), str(KeyError(1, 2)), repr(KeyError("x")))
def f():
    try:
        raise ValueError
    except ValueError:
        return "returned from except"
print(f())
try:
    raise Exception("a", 1)
except Exception as e:
    print(e, e.args)
class Custom(ValueError):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise Custom(5)
except ValueError as e:
    print(e, e.code, e.args, type(e).__mro__[1].__name__)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError from 5
except TypeError as e:
    print("TypeError:", e)
e2 = StopIteration(7)
print(e2.value, BaseException.__subclasses__ if False else "", SystemExit(3).code, KeyboardInterrupt.__mro__[1].__name__)
try:
    try:
        raise ValueError(1)
    finally:
        print("inner finally")
except ValueError as e:
    print("outer", e)
def gen():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit")
        raise
g = gen(); next(g); g.close()
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
# expect: OSError('disk') OSError('disk') True
# expect: None ZeroDivisionError('division by zero') False
# expect: ValueError('x') ('x',) x True True
# expect: tuple match IndexError IndexError()
# expect: base match 'a'  (1, 2) KeyError('x')
# expect: returned from except
# expect: ('a', 1) ('a', 1)
# expect: code 5 5 ('code 5',) ValueError
# expect: TypeError: exceptions must derive from BaseException
# expect: TypeError: exception causes must derive from BaseException
# expect: 7  3 BaseException
# expect: inner finally
# expect: outer 1
# expect: GeneratorExit
# expect: RuntimeError: No active exception to reraise
