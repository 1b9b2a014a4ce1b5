# Method calls on class instances: a small Vector class and a counter.
# Usage: methods.py [SCALE]   (SCALE 1.0 = 2,000,000 iterations)
import sys
import time


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vector(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Counter:
    def __init__(self):
        self.count = 0

    def increment(self, by):
        self.count += by
        return self.count

    def value(self):
        return self.count


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
n = max(1, int(2_000_000 * scale))
start = time.perf_counter()
acc = Vector(0, 0)
step = Vector(1, 2)
counter = Counter()
for i in range(n):
    acc = acc.add(step.scale(i % 3))
    counter.increment(acc.dot(step) % 7)
elapsed = time.perf_counter() - start
# Closed forms: sum of i % 3 over range(n) gives acc = step * s.
s = (n // 3) * 3 + [0, 0, 1][n % 3]
print("result:", n, acc.x, acc.y, counter.value())
if acc.x != s or acc.y != 2 * s:
    print("WRONG: acc", acc.x, acc.y, "expected", s, 2 * s)
    sys.exit(1)
print(f"ok methods({n}) {elapsed:.3f} s")
