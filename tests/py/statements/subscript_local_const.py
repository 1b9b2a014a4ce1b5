# Item assignment to a local with a constant subscript (compiled to one
# instruction): evaluation order, augmented forms, walrus rebinding the
# container, unbound locals, dicts, subclasses with __setitem__.


def order():
    log = []

    class Box(list):
        def __setitem__(self, k, v):
            log.append(("set", k, v))
            super().__setitem__(k, v)

        def __getitem__(self, k):
            log.append(("get", k))
            return super().__getitem__(k)

    b = Box([1, 2, 3])
    b[0] = 10
    b[1] += 5
    b[-1] *= 2
    print(b, log)


order()  # expect: [10, 7, 6] [('set', 0, 10), ('get', 1), ('set', 1, 7), ('get', -1), ('set', -1, 6)]


def walrus():
    a = [1, 2]
    keep = a
    a[0] += (a := [100, 200])[1]
    print(keep, a)


walrus()  # expect: [201, 2] [100, 200]


def dicts():
    d = {}
    d["x"] = 1
    d["x"] += 2
    d[3] = "three"
    d[3] += "!"
    print(d)


dicts()  # expect: {'x': 3, 3: 'three!'}


def floats():
    p = [0.5, 1.5, 2.5]
    for _ in range(3):
        p[0] += 0.25
        p[1] -= p[0] * 2.0
        p[2] = p[2] / 2
    print(p)


floats()  # expect: [1.25, -4.5, 0.3125]


def unbound():
    try:
        x[0] = 1
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    try:
        y[0] += 1
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = y = None


unbound()
# expect: UnboundLocalError cannot access local variable 'x' where it is not associated with a value
# expect: UnboundLocalError cannot access local variable 'y' where it is not associated with a value


def errors():
    t = (1, 2)
    try:
        t[0] = 5
    except TypeError as e:
        print(e)
    s = [1]
    try:
        s[3] += 1
    except IndexError as e:
        print(e)
    try:
        s[2] = 0
    except IndexError as e:
        print(e)


errors()
# expect: 'tuple' object does not support item assignment
# expect: list index out of range
# expect: list assignment index out of range
