# The attribute and global inline caches remember where a name was found
# (an instance dict's entry number, a global's entry); a stale guess must
# never return a wrong value.
class P:
    def __init__(self, first):
        if first:
            self.a = 1
            self.b = 2
        else:
            self.b = 20
            self.a = 10
    def get(self):
        return self.a, self.b

out = []
for first in (True, False, True, False):
    p = P(first)
    out.append(p.get())
print(out)  # expect: [(1, 2), (10, 20), (1, 2), (10, 20)]

p = P(True)
del p.a
p.c = 3
print(hasattr(p, "a"), p.b, p.c)  # expect: False 2 3
p.a = 5
print(p.get(), list(vars(p)))  # expect: (5, 2) ['b', 'c', 'a']

q = P(True)
q.__dict__ = {"b": 7, "a": 8}
print(q.get())  # expect: (8, 7)

class M:
    def f(self):
        return "method"
m = M()
print(m.f())  # expect: method
m.f = lambda: "shadow"
print(m.f())  # expect: shadow
del m.f
print(m.f())  # expect: method

class Slotted:
    __slots__ = ("x",)
    def __init__(self):
        self.x = 1
try:
    Slotted().y = 2
except AttributeError as e:
    print("AttributeError")  # expect: AttributeError

# Rebinding a global while a function's LOAD_GLOBAL cache points at it.
G = 1
def read_g():
    return G
seen = []
for i in range(3):
    G = i * 10
    other = i  # another global store bumps the dict version too
    seen.append(read_g())
print(seen)  # expect: [0, 10, 20]
del G
G = "back"
print(read_g())  # expect: back

# A descriptor with __set__ but no __get__ is still a data descriptor: the
# store fast path must call it, on a fresh instance and once a dict exists.
class SetOnly:
    def __set__(self, obj, v):
        print("set", v)
class HasSetOnly:
    d = SetOnly()
h = HasSetOnly()
h.d = 1  # expect: set 1
h.x = 2
h.d = 3  # expect: set 3
print(sorted(vars(h)))  # expect: ['x']
