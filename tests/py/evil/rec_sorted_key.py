# Evil input: must fail cleanly (an exception, never a crash).
def key(v):
    return sorted([v, v], key=key)
try:
    sorted([1, 2], key=key)
except RecursionError:
    print("RecursionError in key")
def cmp_rec(n):
    return max([n], key=lambda v: cmp_rec(v))
try:
    cmp_rec(1)
except RecursionError:
    print("RecursionError in max key")
# expect: RecursionError in key
# expect: RecursionError in max key
