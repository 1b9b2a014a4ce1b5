# The match statement inside functions, loops, generators and classes: the
# stack stays balanced on every path (a leak would grow it on each turn).
def classify_all(items):
    out = []
    for item in items:
        match item:
            case "stop":
                break
            case "skip":
                continue
            case ("ret", value):
                return out, value
            case [x, y, *_] if x > y:
                out.append("desc")
            case {"k": [1, {"deep": v}]}:
                out.append(f"deep {v}")
            case _:
                out.append("other")
    return out, None


print(classify_all([[3, 1, 0], "skip", {"k": [1, {"deep": 9}]}, 5, "stop", 6]))
print(classify_all([[1, 3], ("ret", 42), 7]))


def gen(items):
    for item in items:
        match item:
            case int(n):
                yield n * 2
            case [*xs]:
                yield from xs
            case _:
                yield None


print(list(gen([1, [2, 3], "x", 4])))

total = 0
for i in range(100000):
    match (i % 7, i % 3):
        case (0, 0):
            total += 3
        case (0, _) | (_, 0):
            total += 1
        case (a, b) if a == b:
            total += 2
        case {"never": _}:
            total -= 1000
        case [_, _]:
            total += 0
print("total", total)


class Config:
    mode = "fast"
    match mode:
        case "fast":
            speed = 10
        case _:
            speed = 1


print(Config.speed)


def nested(x):
    match x:
        case [a, b]:
            match a:
                case int():
                    return f"int first {b}"
                case _:
                    return f"other first {b}"
        case _:
            return "not a pair"


print(nested([1, 2]), nested(["s", 3]), nested(5))


def closure_capture(v):
    match v:
        case [k, w]:
            pass
    return lambda: (k, w)


print(closure_capture([1, 2])())

try:
    match 1:
        case int(x) if 1 / 0:
            pass
except ZeroDivisionError as e:
    print("guard raised", e)

# The expected output, in order:
# expect: (['desc', 'deep 9', 'other'], None)
# expect: (['other'], 42)
# expect: [2, 2, 3, None, 8]
# expect: total 71430
# expect: 10
# expect: int first 2 other first 3 not a pair
# expect: (1, 2)
# expect: guard raised division by zero
