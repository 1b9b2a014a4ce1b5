# global and nonlocal.
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)  # expect: 2

def make_global():
    global created
    created = "made inside"
make_global()
print(created)  # expect: made inside

def reader():
    return counter * 10
print(reader())  # expect: 20

def outer():
    x = "outer"
    def inner():
        nonlocal x
        x = "changed"
    inner()
    return x
print(outer())  # expect: changed

def shadow():
    counter = 100
    return counter
print(shadow(), counter)  # expect: 100 2

def levels():
    a = 1
    def mid():
        def inner():
            nonlocal a
            a += 10
        inner()
        return a
    return mid()
print(levels())  # expect: 11

def accumulator():
    total = 0
    def add(v):
        nonlocal total
        total += v
        return total
    return add
acc = accumulator()
acc(5)
print(acc(7))  # expect: 12
