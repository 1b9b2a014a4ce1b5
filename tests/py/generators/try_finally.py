# yield inside try/except/finally; close() runs finally blocks.
def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for v in guarded():
    print("value", v)
# expect: value 1
# expect: value 2
# expect: cleanup
g = guarded()
print(next(g))  # expect: 1
g.close()  # expect: cleanup
print("closed")  # expect: closed
def catches():
    for i in range(3):
        try:
            if i == 1:
                raise ValueError("inside generator")
            yield i
        except ValueError as e:
            yield "caught " + str(e)
print(list(catches()))  # expect: [0, 'caught inside generator', 2]
def raises_midway():
    yield "a"
    raise KeyError("gen error")
g = raises_midway()
print(next(g))  # expect: a
try:
    next(g)
except KeyError as e:
    print("propagated", e)
# expect: propagated 'gen error'
print(next(g, "dead after raising"))  # expect: dead after raising
def finally_order():
    try:
        yield "first"
    finally:
        yield_log.append("finally")
yield_log = []
print(list(finally_order()), yield_log)  # expect: ['first'] ['finally']
def thrower():
    try:
        yield 1
    except RuntimeError as e:
        yield "handled " + str(e)
g = thrower()
next(g)
print(g.throw(RuntimeError("thrown in")))  # expect: handled thrown in
