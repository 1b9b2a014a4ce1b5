# Evil input: must fail cleanly (an exception, never a crash).
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print("RecursionError")
import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(200)
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth(0) < 200)
# expect: RecursionError
# expect: 1000
# expect: True
