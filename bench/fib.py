# Recursive Fibonacci: function calls and small-int arithmetic.
# Usage: fib.py [SCALE]   (SCALE 1.0 = fib(30) computed 10 times)
import sys
import time


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
reps = max(1, round(10 * scale))
start = time.perf_counter()
values = [fib(30) for _ in range(reps)]
elapsed = time.perf_counter() - start
print("result:", reps, values[0])
if values != [832040] * reps:
    print("WRONG: fib(30) =", values[0])
    sys.exit(1)
print(f"ok fib(30) x{reps} {elapsed:.3f} s")
