# The built-in exception hierarchy.
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(ArithmeticError, Exception))
# expect: True True
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError))  # expect: True True
print(issubclass(Exception, BaseException), issubclass(KeyboardInterrupt, Exception))
# expect: True False
print(issubclass(SystemExit, Exception), issubclass(StopIteration, Exception))  # expect: False True
print(issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError))
# expect: True True
print(issubclass(UnboundLocalError, NameError), issubclass(OverflowError, ArithmeticError))
# expect: True True
print(issubclass(FileNotFoundError, OSError), issubclass(AssertionError, Exception))
# expect: True True
print(issubclass(bool, int), issubclass(TypeError, ValueError))  # expect: True False
e = KeyError("x")
print(isinstance(e, LookupError), isinstance(e, Exception), isinstance(e, IndexError))
# expect: True True False
print(isinstance(e, (TypeError, KeyError)))  # expect: True
def catch(exc):
    try:
        raise exc
    except ArithmeticError:
        return "arithmetic"
    except LookupError:
        return "lookup"
    except Exception:
        return "exception"
print(catch(ZeroDivisionError()), catch(OverflowError()), catch(IndexError()))
# expect: arithmetic arithmetic lookup
print(catch(KeyError()), catch(ValueError()), catch(AttributeError()))
# expect: lookup exception exception
print(ZeroDivisionError.__mro__[1].__name__)  # expect: ArithmeticError
print([c.__name__ for c in KeyError.__mro__])
# expect: ['KeyError', 'LookupError', 'Exception', 'BaseException', 'object']
