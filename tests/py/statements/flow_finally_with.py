# break/continue/return through try/finally and with blocks; loop else clauses; assert; del.
class CM:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return False
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
else:
    print("no else")
for i in range(3):
    with CM(i):
        if i == 0:
            continue
        if i == 1:
            break
print("after with loop")
def ret_in_finally():
    try:
        return "try"
    finally:
        print("cleanup")
print(ret_in_finally())
def override():
    try:
        return 1
    finally:
        return 2
print(override())
def swallow():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            if i < 2:
                continue
            break
    return "swallowed"
print(swallow())
def nested():
    out = []
    for i in range(3):
        try:
            try:
                if i == 1:
                    raise KeyError(i)
                out.append(("ok", i))
            finally:
                out.append(("inner", i))
        except KeyError as e:
            out.append(("caught", e.args[0]))
            continue
        else:
            out.append(("else", i))
        finally:
            out.append(("outer", i))
    return out
print(nested())
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("not printed")
for x in []:
    pass
else:
    print("empty for else")
def gen_in_with():
    with CM("g"):
        yield 1
        yield 2
for v in gen_in_with():
    print("got", v)
def exc_in_with():
    try:
        with CM("e"):
            raise RuntimeError("boom")
    except RuntimeError as e:
        print("caught", e)
exc_in_with()
class Suppress:
    def __enter__(self): return "value"
    def __exit__(self, *a): return True
with Suppress() as v:
    print(v)
    raise ZeroDivisionError
print("suppressed")
with CM("a") as a, CM("b") as b:
    print(a.name, b.name)
def ret_in_with():
    with CM("r"):
        return "from with"
print(ret_in_with())
def break_in_except():
    for i in range(5):
        try:
            1 / (i - 2)
        except ZeroDivisionError:
            break
    return i
print(break_in_except())
def cont_in_except_finally():
    log = []
    for i in range(3):
        try:
            raise ValueError
        except ValueError:
            log.append(i)
            continue
        finally:
            log.append("f")
    return log
print(cont_in_except_finally())
i = 0
while i < 5:
    i += 1
    try:
        if i % 2:
            continue
    finally:
        pass
    print("even", i)
def finally_return_overrides_exc():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"
print(finally_return_overrides_exc())
x = 10
if x < 5: print("small")
elif x < 20: print("medium")
else: print("large")
if not x: pass
assert x == 10, "msg"
try:
    assert x == 11, f"x is {x}"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("bare", repr(e))
del x
try:
    print(x)
except NameError as e:
    print(e)
# expect: body 0
# expect: finally 0
# expect: finally 1
# expect: body 2
# expect: finally 2
# expect: finally 3
# expect: enter 0
# expect: exit 0 None
# expect: enter 1
# expect: exit 1 None
# expect: after with loop
# expect: cleanup
# expect: try
# expect: 2
# expect: swallowed
# expect: [('ok', 0), ('inner', 0), ('else', 0), ('outer', 0), ('inner', 1), ('caught', 1), ('outer', 1), ('ok', 2), ('inner', 2), ('else', 2), ('outer', 2)]
# expect: while else 3
# expect: empty for else
# expect: enter g
# expect: got 1
# expect: got 2
# expect: exit g None
# expect: enter e
# expect: exit e RuntimeError
# expect: caught boom
# expect: value
# expect: suppressed
# expect: enter a
# expect: enter b
# expect: a b
# expect: exit b None
# expect: exit a None
# expect: enter r
# expect: exit r None
# expect: from with
# expect: 2
# expect: [0, 'f', 1, 'f', 2, 'f']
# expect: even 2
# expect: even 4
# expect: finally wins
# expect: medium
# expect: AssertionError: x is 10
# expect: bare AssertionError()
# expect: name 'x' is not defined
