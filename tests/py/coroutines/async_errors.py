# Where async syntax is allowed, and the run-time errors of the protocols.
sources = [
    "await x\n",
    "def f():\n    await x\n",
    "def f():\n    async for x in y: pass\n",
    "def f():\n    async with x: pass\n",
    "def f():\n    return [x async for x in y]\n",
    "async def f():\n    yield from x\n",
    "async def f():\n    yield 1\n    return 2\n",
    "async def f():\n    lambda: await x\n",
    "async def f():\n    def g():\n        await x\n",
]
for src in sources:
    try:
        compile(src, "<async>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(f"{e.lineno}:{e.offset}: {e.msg}")


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


class NoAwait:
    pass


class AwaitReturnsCoroutine:
    def __await__(self):
        async def inner():
            pass
        return inner()


class AwaitReturnsInt:
    def __await__(self):
        return 5


class NoAiter:
    pass


class AiterWithoutAnext:
    def __aiter__(self):
        return 1


class PlainCM:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        pass


class AenterNotAwaitable:
    def __aenter__(self):
        return 1

    def __aexit__(self, *a):
        return 1


async def await_it(x):
    return await x


async def afor(x):
    async for _ in x:
        pass


async def awith(x):
    async with x:
        pass


for make in [lambda: await_it(NoAwait()), lambda: await_it(AwaitReturnsCoroutine()),
             lambda: await_it(AwaitReturnsInt()), lambda: afor(NoAiter()), lambda: afor(AiterWithoutAnext()),
             lambda: awith(PlainCM()), lambda: awith(AenterNotAwaitable())]:
    try:
        run(make())
        print("no error")
    except TypeError as e:
        print("TypeError:", e)


# A finished async generator's awaitables, reused awaitables.
async def agen():
    yield 1


async def reuse():
    g = agen()
    step = g.__anext__()
    print(await step)
    try:
        await step
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")


run(reuse())


# StopIteration inside a coroutine becomes RuntimeError (PEP 479).
async def raises_stop():
    raise StopIteration


try:
    run(raises_stop())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


# An exception inside `async with` reaches __aexit__, which may re-raise.
class Logging:
    async def __aenter__(self):
        return "value"

    async def __aexit__(self, typ, val, tb):
        print("aexit saw", typ.__name__ if typ else None, val)
        return False


async def body_raises():
    async with Logging() as v:
        print("inside with", v)
        raise KeyError("k")


try:
    run(body_raises())
except KeyError as e:
    print("KeyError propagated", e)


# return inside async with and async for awaits the exit.
async def early_return():
    async with Logging():
        async for i in agen():
            return i * 100


print(run(early_return()))

# The expected output, in order:
# expect: 1:1: 'await' outside function
# expect: 2:5: 'await' outside async function
# expect: 2:5: 'async for' outside async function
# expect: 2:5: 'async with' outside async function
# expect: 2:12: asynchronous comprehension outside of an asynchronous function
# expect: 2:5: 'yield from' inside async function
# expect: 3:5: 'return' with value in async generator
# expect: 2:13: 'await' outside async function
# expect: 3:9: 'await' outside async function
# expect: TypeError: object NoAwait can't be used in 'await' expression
# expect: TypeError: __await__() returned a coroutine
# expect: TypeError: __await__() returned non-iterator of type 'int'
# expect: TypeError: 'async for' requires an object with __aiter__ method, got NoAiter
# expect: TypeError: 'async for' received an object from __aiter__ that does not implement __anext__: int
# expect: TypeError: 'PlainCM' object does not support the asynchronous context manager protocol
# expect: TypeError: 'async with' received an object from __aenter__ that does not implement __await__: int
# expect: 1
# expect: RuntimeError: cannot reuse already awaited __anext__()/asend()
# expect: StopAsyncIteration
# expect: RuntimeError: coroutine raised StopIteration StopIteration
# expect: inside with value
# expect: aexit saw KeyError 'k'
# expect: KeyError propagated 'k'
# expect: aexit saw None None
# expect: 100
