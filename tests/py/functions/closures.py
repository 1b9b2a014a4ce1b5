# Closures: captured variables, counters with nonlocal, late binding.
def make_counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    return increment
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())  # expect: 1 2 3 1
def make_multiplier(factor):
    def multiply(x):
        return x * factor
    return multiply
double = make_multiplier(2)
triple = make_multiplier(3)
print(double(5), triple(5))  # expect: 10 15
def outer():
    value = "before"
    def show():
        return value
    value = "after"
    return show
print(outer()())  # expect: after
funcs = []
for i in range(3):
    def f():
        return i
    funcs.append(f)
print([f() for f in funcs])  # expect: [2, 2, 2]
def make_funcs():
    return [(lambda n=n: n * n) for n in range(4)]
print([f() for f in make_funcs()])  # expect: [0, 1, 4, 9]
def bank(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance
    def withdraw(amount):
        nonlocal balance
        balance -= amount
        return balance
    return deposit, withdraw
dep, wd = bank(100)
print(dep(50), wd(30), dep(0))  # expect: 150 120 120
def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            return a + b
        return l2
    return l1
print(deep()()())  # expect: 3
def fib_memo():
    cache = {}
    def fib(n):
        if n in cache:
            return cache[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        cache[n] = r
        return r
    return fib
print(fib_memo()(80))  # expect: 23416728348467685
