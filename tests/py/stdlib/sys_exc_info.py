# sys.exc_info(): the exception being handled, innermost first; Nones outside.
import sys

print(sys.exc_info())  # expect: (None, None, None)
try:
    1 / 0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v)  # expect: ZeroDivisionError division by zero
    try:
        raise KeyError('k')
    except KeyError:
        print(sys.exc_info()[0].__name__, sys.exc_info()[1])  # expect: KeyError 'k'
    print(sys.exc_info()[0].__name__)  # expect: ZeroDivisionError
print(sys.exc_info())  # expect: (None, None, None)


def gen():
    try:
        raise ValueError('in generator')
    except ValueError:
        yield sys.exc_info()[1]


print(next(gen()))  # expect: in generator
print(sys.exc_info()[0])  # expect: None
