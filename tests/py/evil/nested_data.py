# Evil input: must fail cleanly (an exception, never a crash).
l = []
for _ in range(100000):
    l = [l]
print("built")
try:
    s = repr(l)
    print(len(s))
except RecursionError:
    print("RecursionError in repr")
try:
    print(l == l)
except RecursionError:
    print("RecursionError in eq")
d = {}
cur = d
for _ in range(100000):
    cur["k"] = {}
    cur = cur["k"]
try:
    str(d)
except RecursionError:
    print("RecursionError in dict repr")
a = [1]
a.append(a)
print(a, {1: a} if False else "")
dd = {}
dd["self"] = dd
print(dd)
del l, d, cur
print("freed")
# expect: built
# expect: RecursionError in repr
# expect: True
# expect: RecursionError in dict repr
# expect: [1, [...]] 
# expect: {'self': {...}}
# expect: freed
