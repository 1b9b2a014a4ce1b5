# async def, await, async with, async for, async comprehensions and async
# generators (PEP 492, 525, 530), driven by hand as an event loop would.
import types

async def add(a, b):
    return a + b

async def main():
    x = await add(1, 2)
    print("x", x)
    return x * 10

c = main()
print(type(c).__name__, repr(c)[:22])
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)

@types.coroutine
def sleep0():
    v = yield "tick"
    return v

async def ticker():
    r = await sleep0()
    print("sleep0 returned", r)
    return "done"

t = ticker()
print(t.send(None))
try:
    t.send("resumed")
except StopIteration as e:
    print("ticker", e.value)

class Awaitable:
    def __await__(self):
        x = yield 1
        y = yield 2
        return x + y

async def use():
    return await Awaitable()

u = use()
print(u.send(None), u.send(10))
try:
    u.send(5)
except StopIteration as e:
    print("sum", e.value)

class CM:
    async def __aenter__(self):
        print("enter")
        return self
    async def __aexit__(self, *a):
        print("exit", a[0].__name__ if a[0] else None)
        return True

class AIter:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n: raise StopAsyncIteration
        self.i += 1
        return self.i

async def agen(n):
    for i in range(n):
        yield i * i
        await sleep0()

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

async def main2():
    async with CM() as cm:
        print("body", type(cm).__name__)
    async with CM():
        raise ValueError("swallowed")
    out = []
    async for v in AIter(3):
        out.append(v)
    async for v in agen(4):
        out.append(v)
    print(out)
    print([x async for x in agen(3)], [await add(i, 1) for i in range(3)])
    print({k: v async for k, v in AIter2()})
    g = agen(2)
    print(await g.__anext__(), await g.asend(None))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted")
    g2 = agen(5)
    print(await g2.__anext__())
    await g2.aclose()
    print("closed")
    return "main2 done"

class AIter2:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 2: raise StopAsyncIteration
        return (self.i, self.i * 2)

print(run(main2()))
try:
    run(add(1, "a"))
except TypeError as e:
    print("TypeError", e)

async def bad():
    await 5
try:
    run(bad())
except TypeError as e:
    print("TypeError", e)
async def bad2():  # (python3 also warns on stderr that add() was never awaited)
    for x in add(1, 2): pass
try:
    run(bad2())
except TypeError as e:
    print("TypeError", e)

# The expected output, in order:
# expect: coroutine <coroutine object main
# expect: x 3
# expect: result 30
# expect: RuntimeError cannot reuse already awaited coroutine
# expect: tick
# expect: sleep0 returned resumed
# expect: ticker done
# expect: 1 2
# expect: sum 15
# expect: enter
# expect: body CM
# expect: exit None
# expect: enter
# expect: exit ValueError
# expect: [1, 2, 3, 0, 1, 4, 9]
# expect: [0, 1, 4] [1, 2, 3]
# expect: {1: 2, 2: 4}
# expect: 0 1
# expect: exhausted
# expect: 0
# expect: closed
# expect: main2 done
# expect: TypeError unsupported operand type(s) for +: 'int' and 'str'
# expect: TypeError object int can't be used in 'await' expression
# expect: TypeError 'coroutine' object is not iterable
