# send/throw/close, yield from, StopIteration/RuntimeError rules, finally run when a suspended generator dies.
def g():
    try:
        x = yield 1
        print("got", x)
        y = yield 2
        print("got", y)
    except ValueError as e:
        print("caught in gen", e)
        yield "after throw"
    finally:
        print("gen finally")
it = g()
print(next(it), it.send("a"), it.throw(ValueError("bad")))
try:
    next(it)
except StopIteration:
    print("stopped")
it2 = g(); next(it2); it2.close(); print("closed")
it3 = g(); it3.close(); print("close before start ok")
try:
    next(it3)
except StopIteration:
    print("exhausted after close")
def thrower():
    yield 1
t = thrower(); next(t)
try:
    t.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
i = ignore_exit(); next(i)
try:
    i.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def delegate():
    r = yield from sub()
    print("sub returned", r)
    yield from range(2)
def sub():
    x = yield "s1"
    print("sub got", x)
    return "ret"
d = delegate()
print(next(d), d.send("hello"), next(d), list(d))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def running():
    yield gen_self.gi_running if False else "r"
gen_self = running()
print(list(gen_self))
def reentrant():
    yield next(me)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
def stop_inside():
    yield 1
    raise StopIteration
try:
    list(stop_inside())
except RuntimeError as e:
    print("RuntimeError:", e)
ge = (x for x in range(3))
print(type(ge).__name__, iter(ge) is ge, next(ge), sum(ge))
def gen_ret_in_finally():
    try:
        yield 1
    finally:
        print("cleanup on gc/close")
gr = gen_ret_in_finally(); next(gr); del gr
print("after del")
def counter(n):
    while n > 0:
        received = yield n
        n = received if received is not None else n - 1
c = counter(5)
print(next(c), c.send(2), next(c), next(c, "done"), next(c, "done"))
print(list(zip(fib(), "abc")), list(enumerate(g() for _ in range(0))))
# expect: got a
# expect: caught in gen bad
# expect: 1 2 after throw
# expect: gen finally
# expect: stopped
# expect: gen finally
# expect: closed
# expect: close before start ok
# expect: exhausted after close
# expect: propagated 'k'
# expect: RuntimeError: generator ignored GeneratorExit
# expect: sub got hello
# expect: sub returned ret
# expect: s1 0 1 []
# expect: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
# expect: ['r']
# expect: ValueError: generator already executing
# expect: RuntimeError: generator raised StopIteration
# expect: generator True 0 3
# expect: cleanup on gc/close
# expect: after del
# expect: 5 2 1 done done
# expect: [(0, 'a'), (1, 'b'), (1, 'c')] []
