# super() (zero-arg and explicit, MRO order), property/staticmethod/classmethod, operator dunders.
class Base:
    count = 0
    def __init__(self, name):
        self.name = name
        Base.count += 1
    def greet(self):
        return "base " + self.name
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
class Mid(Base):
    def greet(self):
        return "mid+" + super().greet()
class Other(Base):
    def greet(self):
        return "other+" + super().greet()
class Leaf(Mid, Other):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra
    def greet(self):
        return "leaf+" + super().greet()
x = Leaf("n", 1)
print(x.greet(), x, Base.count, [c.__name__ for c in Leaf.__mro__])
print(super(Mid, x).greet(), super(Leaf, x).greet(), super(Other, x).greet())
class P:
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        "the v"
        return self._v
    @v.setter
    def v(self, val):
        if val < 0:
            raise ValueError("negative")
        self._v = val
    @v.deleter
    def v(self):
        print("deleting")
        self._v = None
    @staticmethod
    def smeth(a, b):
        return a + b
    @classmethod
    def make(cls, *args):
        return cls()
    @classmethod
    def cname(cls):
        return cls.__name__
p = P()
p.v = 5
print(p.v, P.v.__doc__, type(P.v).__name__, P.smeth(1, 2), p.smeth(3, 4), type(P.make()).__name__, p.cname())
del p.v
print(p.v)
try:
    p.v = -1
except ValueError as e:
    print("ValueError:", e)
class Q(P):
    @property
    def v(self):
        return "Q" + str(super().v)
    @classmethod
    def cname(cls):
        return "Q:" + super().cname()
q = Q()
print(q.v, Q.cname(), q.cname())
try:
    q.v = 3
except AttributeError as e:
    print("AttributeError:", e)
class RO:
    @property
    def x(self): return 1
try:
    RO().x = 2
except AttributeError as e:
    print("AttributeError:", e)
class Vec:
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o): return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return Vec(self.x * k, self.y * k)
    def __rmul__(self, k): return self * k
    def __neg__(self): return Vec(-self.x, -self.y)
    def __eq__(self, o): return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __lt__(self, o): return (self.x, self.y) < (o.x, o.y)
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __iter__(self): yield self.x; yield self.y
    def __repr__(self): return f"Vec({self.x}, {self.y})"
    def __str__(self): return f"<{self.x},{self.y}>"
    def __bool__(self): return bool(self.x or self.y)
    def __contains__(self, v): return v in (self.x, self.y)
    def __call__(self, k): return self.x * k
    def __iadd__(self, o):
        self.x += o.x; self.y += o.y
        return self
v = Vec(1, 2)
w = Vec(3, 4)
print(v + w, v - w, v * 2, 3 * v, -v, v == Vec(1, 2), v != w, v < w, sorted([w, v]), len(v), v[1], list(v), str(v), repr(v))
print(bool(Vec(0, 0)), 2 in v, 5 in v, v(10), {v: 1}[Vec(1, 2)], max(v, w), f"{v}", "%s %r" % (v, v), [v])
v += w
print(v, v > w, hasattr(Vec, "__ge__"))
class Cnt:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
print(list(Cnt()), [a for a in Cnt()], sum(Cnt()))
class Attr:
    def __getattr__(self, name): return name.upper()
    def __setattr__(self, name, value): object.__setattr__(self, name, value * 2)
at = Attr(); at.z = 2
print(at.foo, at.z)
class Slots:
    __slots__ = ("a",)
class WithClassAttr:
    items = []
    def add(self, v): self.items.append(v)
w1, w2 = WithClassAttr(), WithClassAttr()
w1.add(1); w2.add(2)
print(WithClassAttr.items, w1.items is w2.items)
class Str2:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
print(Str2(1) == Str2(1), Str2(1) != Str2(2), Str2(1) in [Str2(1)])
try:
    hash(Str2(1))
except TypeError as e:
    print("TypeError:", e)
print(isinstance(x, Base), isinstance(x, Other), issubclass(Leaf, Mid), Leaf.__bases__, Leaf.__base__.__name__)
class Meta(type):
    pass
class WithMeta(metaclass=Meta): pass
print(type(WithMeta).__name__, WithMeta.__name__, WithMeta.__qualname__, Base.__dict__["count"] if "count" in Base.__dict__ else "")
class Outer:
    class Inner:
        def m(self): return __class__.__qualname__
print(Outer.Inner().m(), Outer.Inner.__qualname__, repr(Outer.Inner)[:30])
class Eq:
    def __eq__(self, o): return NotImplemented
print(Eq() == Eq(), Eq() != 1)
class Ord:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return str(self.v)
print(sorted([Ord(3), Ord(1)]), Ord(1) > Ord(0) if False else "", min(Ord(2), Ord(1)))
try:
    Ord(1) <= Ord(2)
except TypeError as e:
    print("TypeError:", e)
class Init:
    def __new__(cls, *a):
        inst = super().__new__(cls)
        inst.created = True
        return inst
    def __init__(self, v): self.v = v
i = Init(5)
print(i.created, i.v)
# expect: leaf+mid+other+base n Leaf('n') 1 ['Leaf', 'Mid', 'Other', 'Base', 'object']
# expect: other+base n mid+other+base n base n
# expect: 5 the v property 3 7 P P
# expect: deleting
# expect: None
# expect: ValueError: negative
# expect: Q0 Q:Q Q:Q
# expect: AttributeError: property 'v' of 'Q' object has no setter
# expect: AttributeError: property 'x' of 'RO' object has no setter
# expect: <4,6> <-2,-2> <2,4> <3,6> <-1,-2> True True True [Vec(1, 2), Vec(3, 4)] 2 2 [1, 2] <1,2> Vec(1, 2)
# expect: False True False 10 1 <3,4> <1,2> <1,2> Vec(1, 2) [Vec(1, 2)]
# expect: <4,6> True True
# expect: [1, 2, 3] [1, 2, 3] 6
# expect: FOO 4
# expect: [1, 2] True
# expect: True True True
# expect: TypeError: unhashable type: 'Str2'
# expect: True True True (<class '__main__.Mid'>, <class '__main__.Other'>) Mid
# expect: Meta WithMeta WithMeta 1
# expect: Outer.Inner Outer.Inner <class '__main__.Outer.Inner'>
# expect: False True
# expect: [1, 3]  1
# expect: TypeError: '<=' not supported between instances of 'Ord' and 'Ord'
# expect: True 5
