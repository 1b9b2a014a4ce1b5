# Infinite recursion raises RecursionError, which can be caught...
def forever(n):
    return forever(n + 1)

try:
    forever(0)
except RecursionError as e:
    print("caught:", e)  # expect: caught: maximum recursion depth exceeded

def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)

print(deep(500))  # expect: 500
# ...and when uncaught, it ends the script with a traceback.
forever(0)
# expect-error: Traceback (most recent call last):
# expect-error: RecursionError: maximum recursion depth exceeded
