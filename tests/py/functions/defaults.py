# Default arguments: evaluated once, at definition time.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"))  # expect: Hello, Ann!
print(greet("Bob", "Hi"))  # expect: Hi, Bob!
print(greet("Cy", punct="?"))  # expect: Hello, Cy?
print(greet(punct=".", name="Di"))  # expect: Hello, Di.
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1))  # expect: [1]
print(append_to(2))  # expect: [1, 2]
print(append_to(3, []))  # expect: [3]
def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe_append(1), safe_append(2))  # expect: [1] [2]
base = 10
def uses_base(x=base):
    return x
base = 20
print(uses_base())  # expect: 10
print(greet.__defaults__)  # expect: ('Hello', '!')
def f(a, b=2, *, c, d=4):
    return a, b, c, d
print(f(1, c=3), f(1, 5, c=6, d=7))  # expect: (1, 2, 3, 4) (1, 5, 6, 7)
