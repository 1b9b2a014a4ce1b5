# time.time, perf_counter, monotonic, sleep: used sanely, never printed.
import time
t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
print(t0 > 1_600_000_000, type(t0).__name__, type(p0).__name__)  # expect: True float float
time.sleep(0.05)
p1 = time.perf_counter()
m1 = time.monotonic()
print(p1 - p0 >= 0.04, p1 - p0 < 5, m1 >= m0)  # expect: True True True
time.sleep(0)
print(time.time() >= t0)  # expect: True
total = 0
start = time.perf_counter()
for i in range(100000):
    total += i
elapsed = time.perf_counter() - start
print(total, elapsed >= 0)  # expect: 4999950000 True
print(isinstance(time.perf_counter_ns(), int), time.monotonic_ns() > 0)  # expect: True True
