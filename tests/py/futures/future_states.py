# A Future used directly, without an executor: its states, its repr (the
# address removed), and the errors of transitions it does not allow.
import concurrent.futures as cf
from concurrent.futures import _base


def shape(f):
    """repr(f) without the address."""
    r = repr(f)
    return r.split(" at ")[0] + " " + r.split(" ", 3)[3]


f = cf.Future()
print(shape(f))  # expect: <Future state=pending>
print(f.done(), f.running(), f.cancelled())  # expect: False False False
print(f.set_running_or_notify_cancel())  # expect: True
print(shape(f), f.running(), f.cancel())  # expect: <Future state=running> True False
f.set_result([1, 2])
print(shape(f), f.done(), f.result(), f.exception())  # expect: <Future state=finished returned list> True [1, 2] None

g = cf.Future()
g.set_exception(KeyError("k"))
print(shape(g))  # expect: <Future state=finished raised KeyError>
print(repr(g.exception()))  # expect: KeyError('k')
try:
    g.result()
except KeyError as e:
    print("raised", repr(e), e is g.exception())  # expect: raised KeyError('k') True

# A result of None is still a "returned" outcome.
n = cf.Future()
n.set_result(None)
print(shape(n))  # expect: <Future state=finished returned NoneType>

c = cf.Future()
print(c.cancel(), c.cancel(), c.cancelled(), c.done())  # expect: True True True True
print(shape(c), c._state)  # expect: <Future state=cancelled> CANCELLED
for call in (c.result, c.exception):
    try:
        call()
    except cf.CancelledError as e:
        print("CancelledError", repr(str(e)))  # expect: CancelledError ''
# expect: CancelledError ''
print(c.set_running_or_notify_cancel(), c._state)  # expect: False CANCELLED_AND_NOTIFIED
print(shape(c))  # expect: <Future state=cancelled>

# Finishing twice, or finishing a cancelled future, is InvalidStateError.
for fut, state in ((f, "FINISHED"), (c, "CANCELLED_AND_NOTIFIED")):
    for call in (fut.set_result, fut.set_exception):
        try:
            call(ValueError())
        except cf.InvalidStateError as e:
            print(str(e).startswith(state + ": <Future at "))
# expect: True
# expect: True
# expect: True
# expect: True
print(issubclass(cf.InvalidStateError, _base.Error))  # expect: True

# An executor may not start a future twice (CPython also logs it).
try:
    f.set_running_or_notify_cancel()
except RuntimeError as e:
    print(e)  # expect: Future in unexpected state
# expect-error: in unexpected state: FINISHED
# expect-exit: 0

# The package's exceptions.
print(cf.TimeoutError is TimeoutError)  # expect: True
print([k.__name__ for k in cf.CancelledError.__mro__])  # expect: ['CancelledError', 'Error', 'Exception', 'BaseException', 'object']
print([k.__name__ for k in cf.BrokenExecutor.__mro__])  # expect: ['BrokenExecutor', 'RuntimeError', 'Exception', 'BaseException', 'object']
print(cf.Future[int])  # expect: concurrent.futures._base.Future[int]
print(cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION, cf.ALL_COMPLETED)  # expect: FIRST_COMPLETED FIRST_EXCEPTION ALL_COMPLETED
print(cf.__all__[-2:])  # expect: ('ProcessPoolExecutor', 'ThreadPoolExecutor')
