# StopIteration from next(), the default argument, and manual iteration.
it = iter([1, 2])
print(next(it), next(it))  # expect: 1 2
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
# expect: StopIteration ()
print(next(it, "default"))  # expect: default
def manual_sum(items):
    it = iter(items)
    total = 0
    while True:
        try:
            total += next(it)
        except StopIteration:
            return total
print(manual_sum(range(5)))  # expect: 10
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(4)))  # expect: [4, 3, 2, 1]
for v in Countdown(2):
    print("for", v)
# expect: for 2
# expect: for 1
print(sum(Countdown(10)))  # expect: 55
