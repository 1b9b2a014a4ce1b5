# Functions are objects: attributes, passing, returning, storing.
def add(a, b):
    """Add two things."""
    return a + b
print(add.__name__, add.__doc__)  # expect: add Add two things.
ops = {"+": add, "max": max, "len": len}
print(ops["+"](2, 3), ops["max"](4, 9), ops["len"]("abc"))  # expect: 5 9 3
def apply(f, *args):
    return f(*args)
print(apply(add, "x", "y"))  # expect: xy
print(callable(add), callable(3), callable(print), callable(int))  # expect: True False True True
def no_doc(): pass
print(no_doc.__doc__)  # expect: None
alias = add
print(alias is add, alias(1, 1))  # expect: True 2
print(type(add).__name__)  # expect: function
def counter():
    counter.n += 1
    return counter.n
counter.n = 0
counter(); counter()
print(counter.n)  # expect: 2
def nested_def():
    def helper(x):
        return x * 2
    return helper(21)
print(nested_def())  # expect: 42
def early_bound(x, f=str):
    return f(x)
print(early_bound(5), early_bound(5.0, int))  # expect: 5 5
