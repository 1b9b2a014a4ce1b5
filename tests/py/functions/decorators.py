# Decorators: plain, stacked, with arguments.
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper()
    return wrapper
@shout
def hello(name):
    return "hello " + name
print(hello("world"))  # expect: HELLO WORLD
def exclaim(fn):
    def wrapper(*args):
        return fn(*args) + "!"
    return wrapper
@exclaim
@shout
def bye(name):
    return "bye " + name
print(bye("bob"))  # expect: BYE BOB!
@shout
@exclaim
def hi():
    return "hi"
print(hi())  # expect: HI!
def repeat(times):
    def decorator(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return decorator
@repeat(3)
def ping(x):
    return "ping" + str(x)
print(ping(1))  # expect: ['ping1', 'ping1', 'ping1']
calls = []
def log(fn):
    calls.append("decorating " + fn.__name__)
    def wrapper(*a):
        calls.append("calling " + fn.__name__)
        return fn(*a)
    return wrapper
@log
def add(a, b):
    return a + b
print(calls)  # expect: ['decorating add']
print(add(2, 3), calls)  # expect: 5 ['decorating add', 'calling add']
registry = {}
def register(name):
    def deco(fn):
        registry[name] = fn
        return fn
    return deco
@register("sq")
def square(x):
    return x * x
print(registry["sq"](9), square(3))  # expect: 81 9
def count_calls(fn):
    def wrapper(*a):
        wrapper.calls += 1
        return fn(*a)
    wrapper.calls = 0
    return wrapper
@count_calls
def noop():
    pass
noop(); noop(); noop()
print(noop.calls)  # expect: 3
