# send(), return values through StopIteration.value, close().
def echo():
    received = None
    while True:
        received = yield received
        if received == "stop":
            return "stopped"
g = echo()
print(next(g))  # expect: None
print(g.send("hello"))  # expect: hello
print(g.send(42))  # expect: 42
try:
    g.send("stop")
except StopIteration as e:
    print("returned", e.value)
# expect: returned stopped
def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
a = averager()
next(a)
print(a.send(10), a.send(20), a.send(60))  # expect: 10.0 15.0 30.0
def gen_with_return():
    yield 1
    return "result"
g = gen_with_return()
print(next(g))  # expect: 1
try:
    next(g)
except StopIteration as e:
    print(e.value, e.args)
# expect: result ('result',)
g = echo()
try:
    g.send("too early")
except TypeError as e:
    print("TypeError:", e)
# expect: TypeError: can't send non-None value to a just-started generator
def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset":
            n = 0
        else:
            n += 1
c = counter()
print(next(c), next(c), next(c), c.send("reset"), next(c))  # expect: 0 1 2 0 1
