# contextlib: contextmanager, suppress, closing, nullcontext, redirect_*, ExitStack.
import io, sys
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack, redirect_stdout, redirect_stderr, AbstractContextManager

@contextmanager
def tag(name):
    print('<' + name + '>')
    try:
        yield name.upper()
    finally:
        print('</' + name + '>')

with tag('a') as t:
    print('body', t)
# expect: <a>
# expect: body A
# expect: </a>

try:
    with tag('b'):
        raise ValueError('boom')
except ValueError as e:
    print('propagated', e)
# expect: <b>
# expect: </b>
# expect: propagated boom

@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print('swallowed', repr(e))
with swallow():
    raise KeyError('k')
# expect: swallowed KeyError('k')
print('after swallow')  # expect: after swallow

@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print(e)
# expect: generator didn't yield

@contextmanager
def twice():
    yield 1
    yield 2
try:
    with twice():
        pass
except RuntimeError as e:
    print(e)
# expect: generator didn't stop

@contextmanager
def keep_going():
    try:
        yield
    except ValueError:
        pass
    yield
try:
    with keep_going():
        raise ValueError
except RuntimeError as e:
    print(e)
# expect: generator didn't stop after throw()

@contextmanager
def passthrough():
    yield
try:
    with passthrough():
        raise StopIteration('s')
except StopIteration as e:
    print('stopiteration', e)
# expect: stopiteration s

@tag('deco')
def decorated(x):
    print('inside', x)
    return x * 2
print(decorated(3))
# expect: <deco>
# expect: inside 3
# expect: </deco>
# expect: 6
print(decorated(4))
# expect: <deco>
# expect: inside 4
# expect: </deco>
# expect: 8

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print('suppressed')  # expect: suppressed
try:
    with suppress(KeyError):
        [][1]
except IndexError:
    print('not suppressed')
# expect: not suppressed

class Res:
    def close(self):
        print('closed')
with closing(Res()) as r:
    print(type(r).__name__)
# expect: Res
# expect: closed
with nullcontext(5) as n:
    print(n)
# expect: 5

buf = io.StringIO()
with redirect_stdout(buf):
    print('captured')
print(repr(buf.getvalue()))  # expect: 'captured\n'
ebuf = io.StringIO()
with redirect_stderr(ebuf):
    sys.stderr.write('err\n')
print(repr(ebuf.getvalue()))  # expect: 'err\n'

with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, 'cb', i)
    x = stack.enter_context(tag('ctx'))
    print('entered', x)
# expect: <ctx>
# expect: entered CTX
# expect: </ctx>
# expect: cb 2
# expect: cb 1
# expect: cb 0

class Exit:
    def __init__(self, name, result=False):
        self.name, self.result = name, result
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print('exit', self.name, t.__name__ if t else None)
        return self.result
with ExitStack() as stack:
    stack.enter_context(Exit('outer'))
    stack.enter_context(Exit('suppressor', True))
    stack.enter_context(Exit('inner'))
    raise ValueError('x')
# expect: exit inner ValueError
# expect: exit suppressor ValueError
# expect: exit outer None
print('suppressed by stack')  # expect: suppressed by stack

def raiser(t, v, tb):
    raise KeyError('from callback')
try:
    with ExitStack() as stack:
        stack.push(raiser)
        stack.push(Exit('second'))
        raise ValueError('orig')
except KeyError as e:
    print('got', repr(e), repr(e.__context__))
# expect: exit second ValueError
# expect: got KeyError('from callback') ValueError('orig')

stack = ExitStack()
stack.callback(print, 'moved')
new = stack.pop_all()
stack.close()
print('closed old')  # expect: closed old
new.close()  # expect: moved
print(isinstance(new, AbstractContextManager))  # expect: True

