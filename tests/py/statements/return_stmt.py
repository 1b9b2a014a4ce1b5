# return: bare, implicit, values, tuples, early exit from loops.
def nothing():
    pass
def bare():
    return
def pair():
    return 1, 2
def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            return i
    return -1
def nested_loops():
    for i in range(5):
        while True:
            return i * 100
print(nothing(), bare())  # expect: None None
print(pair(), type(pair()).__name__)  # expect: (1, 2) tuple
print(find("abc", "c"), find("abc", "z"))  # expect: 2 -1
print(nested_loops())  # expect: 0
def multiple(x):
    if x:
        return "truthy"
    return "falsy"
print(multiple(1), multiple(0))  # expect: truthy falsy
def returns_function():
    def f():
        return "from f"
    return f
print(returns_function()())  # expect: from f
