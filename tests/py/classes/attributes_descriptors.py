# Attribute protocol: instance/class attributes, __getattr__ & co,
# properties, static/class methods, __slots__, __set_name__, __dict__.
class G:
    def __init__(self): self.a = 1
    def __getattr__(self, n): return "missing:" + n
g = G()
print(g.a, g.b, getattr(g, "c"), hasattr(g, "zz"))  # expect: 1 missing:b missing:c True

class S:
    def __setattr__(self, n, v):
        print("set", n, v); object.__setattr__(self, n, v)
    def __delattr__(self, n):
        print("del", n); object.__delattr__(self, n)
s = S(); s.x = 1; setattr(s, "y", 2); del s.x; delattr(s, "y")
# expect: set x 1
# expect: set y 2
# expect: del x
# expect: del y
print(vars(s))  # expect: {}

class GA:
    def __getattribute__(self, n):
        if n == "magic": return 42
        return object.__getattribute__(self, n)
ga = GA(); ga.q = 1
print(ga.magic, ga.q)  # expect: 42 1
try:
    ga.nope
except AttributeError as e:
    print(e)  # expect: 'GA' object has no attribute 'nope'

class Pr:
    def __init__(self): self._x = 0
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v): self._x = v
    @x.deleter
    def x(self): print("deleting"); self._x = None
p = Pr(); p.x = 5; print(p.x)  # expect: 5
del p.x; print(p.x)
# expect: deleting
# expect: None
print(Pr.x.__doc__)  # expect: the x
class RO:
    @property
    def y(self): return 1
try:
    RO().y = 2
except AttributeError as e:
    print(e)  # expect: property 'y' of 'RO' object has no setter

class M:
    @staticmethod
    def s(x): return x * 2
    @classmethod
    def c(cls, x): return cls.__name__ + str(x)
    def m(self): return self
class N(M): pass
print(M.s(2), M().s(3), N.c(1), N().c(2), type(M.__dict__["s"]).__name__)  # expect: 4 6 N1 N2 staticmethod
print(type(M.m).__name__, type(M().m).__name__, M.m(5))  # expect: function method 5
f = M.__dict__["m"]
print(f.__get__(None, M) is f, f.__get__(7, M)())  # expect: True 7
print(M.__dict__["c"].__get__(None, N)(0))  # expect: N0

# __slots__ restricts attributes.
class Sl:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1
sl = Sl(); print(sl.a)  # expect: 1
try:
    sl.c = 3
except AttributeError as e:
    print(e)  # expect: 'Sl' object has no attribute 'c'
try:
    print(sl.b)
except AttributeError as e:
    print(e)  # expect: 'Sl' object has no attribute 'b'
class SlSub(Sl):
    __slots__ = ("c",)
ss = SlSub(); ss.c = 3; ss.b = 2; print(ss.a, ss.b, ss.c)  # expect: 1 2 3
class Free(Sl): pass
fr = Free(); fr.anything = 1; print(fr.anything)  # expect: 1

# __set_name__ and custom descriptors.
class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name); self.name = name
    def __get__(self, obj, typ=None):
        if obj is None: return self
        return "get " + self.name
class Host:
# expect: set_name Host field
    field = Named()
print(Host().field, type(Host.field).__name__)  # expect: get field Named

# getattr/setattr/delattr/hasattr on everything.
print(getattr(1, "real"), hasattr([], "append"), getattr(str, "upper")("a"), getattr(1, "nope", "dflt"))  # expect: 1 True A dflt
for target in (1, object(), "s"):
    try:
        setattr(target, "x", 2)
    except AttributeError as e:
        print(e)
        # expect: 'int' object has no attribute 'x'
        # expect: 'object' object has no attribute 'x'
        # expect: 'str' object has no attribute 'x'
import sys
setattr(sys.modules[__name__], "new_global", 5); print(new_global)  # expect: 5
def fn(): pass
fn.attr = 3; print(fn.attr, vars(fn))  # expect: 3 {'attr': 3}

# Replacing __dict__ and __class__.
class W: pass
class W2:
    def hello(self): return "W2"
o = W(); o.__dict__["k"] = 9; print(o.k)  # expect: 9
o.__dict__ = {"z": 1}; print(o.z, vars(o))  # expect: 1 {'z': 1}
o.__class__ = W2; print(o.hello(), type(o).__name__)  # expect: W2 W2

# Class decorators.
def deco(cls):
    cls.added = True
    return cls
@deco
class Dec: pass
print(Dec.added)  # expect: True
