# Evil input: must fail cleanly (an exception, never a crash).
l = [1, 2, 3, 4]
for x in l:
    if x == 2:
        l.remove(x)
print(l)
l = [0]
for x in l:
    if len(l) < 5:
        l.append(x + 1)
print(l)
d = {1: 1, 2: 2}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2}
try:
    for v in s:
        s.add(v + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
l = [3, 1, 2]
def bad_key(v):
    l.append(v)
    return v
try:
    l.sort(key=bad_key)
except ValueError as e:
    print("ValueError:", e)
print(len(l) >= 3)
class Evil:
    def __lt__(self, o):
        lst.clear()
        return True
lst = [Evil(), Evil(), Evil()]
try:
    lst.sort()
    print("sorted", len(lst))
except ValueError as e:
    print("ValueError:", e)
class EvilEq:
    def __eq__(self, o):
        dd.clear()
        return False
    def __hash__(self): return 1
dd = {EvilEq(): 1}
try:
    print(dd.get(EvilEq()))
except RuntimeError as e:
    print("RuntimeError:", e)
x = [1, 2, 3]
x[:] = x
print(x)
x.extend(x)
print(x)
x += x
print(len(x))
# expect: [1, 3, 4]
# expect: [0, 1, 2, 3, 4]
# expect: RuntimeError: dictionary changed size during iteration
# expect: RuntimeError: Set changed size during iteration
# expect: ValueError: list modified during sort
# expect: True
# expect: sorted 3
# expect: None
# expect: [1, 2, 3]
# expect: [1, 2, 3, 1, 2, 3]
# expect: 12
