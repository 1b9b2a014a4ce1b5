# Annotated assignments: module and class bodies record simple names in
# __annotations__ (in order, with the value assigned first); function bodies
# evaluate nothing; non-simple targets are evaluated but not recorded.
log = []


def note(tag, value):
    log.append(tag)
    return value


x: note("ann x", int) = note("value x", 1)
y: "str"
print(__annotations__, log)  # expect: {'x': <class 'int'>, 'y': 'str'} ['value x', 'ann x']


class A:
    a: int
    b: list = []
    if True:
        c: float = 1.0
    (d): int = 4

    def f(self):
        z: undefined_name = 1  # never evaluated in a function
        return z


print(A.__annotations__, A.b, A.d, A().f())  # expect: {'a': <class 'int'>, 'b': <class 'list'>, 'c': <class 'float'>} [] 4 1
print("a" in A.__dict__)  # expect: False


class Box:
    pass


box = Box()
box.attr: int = 5
print(box.attr, "attr" in __annotations__)  # expect: 5 False


class Sub(A):
    e: bool = True


print(Sub.__annotations__)  # expect: {'e': <class 'bool'>}
