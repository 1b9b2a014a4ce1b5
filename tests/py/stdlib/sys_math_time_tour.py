# sys.argv/stdout/recursion limit, math functions and errors, time clocks.
import sys, math, time
print(sys.argv[0].endswith(".py"), len(sys.argv), sys.getrecursionlimit() > 0)
sys.stdout.write("out\n"); sys.stderr.write("")
print(math.pi, math.e, math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.gcd(12, 18), math.factorial(20), math.isclose(0.1 + 0.2, 0.3))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.exp(0), math.sin(0), math.cos(0), math.hypot(3, 4), math.fabs(-2), math.trunc(-2.7), math.inf, math.isnan(math.nan))
print(math.pow(2, 10), math.copysign(1, -0.0), math.fsum([0.1] * 10), math.comb(5, 2), math.perm(5, 2), math.isqrt(17), math.prod([1, 2, 3]), math.degrees(math.pi), math.atan2(1, 1))
t0 = time.time(); p0 = time.perf_counter(); m0 = time.monotonic()
time.sleep(0.01)
print(time.time() >= t0, time.perf_counter() > p0, time.monotonic() >= m0, type(time.time()).__name__)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
print(math.floor(2 ** 70 + 0.5) == 2 ** 70, math.factorial(25))
# expect: True 1 True
# expect: out
# expect: 3.141592653589793 2.718281828459045 4.0 -3 3 6 2432902008176640000 True
# expect: 1.0 3.0 3.0 1.0 0.0 1.0 5.0 2.0 -2 inf True
# expect: 1024.0 -1.0 1.0 10 20 4 6 180.0 0.7853981633974483
# expect: True True True float
# expect: ValueError: math domain error
# expect: ValueError: math domain error
# expect: True 15511210043330985984000000
