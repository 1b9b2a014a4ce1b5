# Classes: C3 MRO, super() in all its forms, __new__, type(name, bases, dict).
class A:
    x = 1
    def f(self): return "A.f"
class B(A):
    def f(self): return "B.f+" + super().f()
class C(A):
    def f(self): return "C.f+" + super().f()
class D(B, C):
    def f(self): return "D.f+" + super().f()
print(D().f())  # expect: D.f+B.f+C.f+A.f
print([k.__name__ for k in D.__mro__])  # expect: ['D', 'B', 'C', 'A', 'object']
print(D.mro())  # expect: [<class '__main__.D'>, <class '__main__.B'>, <class '__main__.C'>, <class '__main__.A'>, <class 'object'>]
print(super(B, D()).f())  # expect: C.f+A.f

# Inconsistent hierarchies are rejected with CPython's message.
try:
    class E(A, B): pass
except TypeError as e:
    print(e)
    # expect: Cannot create a consistent method resolution
    # expect: order (MRO) for bases A, B
class X: pass
try:
    class Z(X, X): pass
except TypeError as e:
    print(e)  # expect: duplicate base class X

# super() in classmethods and in a diamond of __init__s.
class P:
    @classmethod
    def make(cls): return cls.__name__
class Q(P):
    @classmethod
    def make(cls): return "Q" + super().make()
print(Q.make())  # expect: QQ
class Base:
    def __init__(self): self.log = ["Base"]
class L(Base):
    def __init__(self): super().__init__(); self.log.append("L")
class R(Base):
    def __init__(self): super().__init__(); self.log.append("R")
class DD(L, R):
    def __init__(self): super().__init__(); self.log.append("DD")
print(DD().log)  # expect: ['Base', 'R', 'L', 'DD']

# __new__: singletons, returning another type, subclasses of immutable built-ins.
class Single:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v): self.v = v
s1 = Single(1); s2 = Single(2)
print(s1 is s2, s1.v)  # expect: True 2
class Other:
    def __new__(cls): return 42
print(Other())  # expect: 42
class Pos(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
print(Pos(-5), type(Pos(-5)).__name__)  # expect: 5 Pos
class Pair(tuple):
    def __new__(cls, a, b): return super().__new__(cls, (a, b))
    @property
    def first(self): return self[0]
t = Pair(1, 2)
print(t, t.first, len(t), t == (1, 2))  # expect: (1, 2) 1 2 True
class Upper(str):
    def __new__(cls, s): return str.__new__(cls, s.upper())
print(Upper("abc"), isinstance(Upper("x"), str))  # expect: ABC True

# type(name, bases, dict) and the introspection attributes.
T = type("T", (A,), {"y": 2, "g": lambda self: self.y})
print(T().g(), T.__name__, T.__mro__, T.__module__)  # expect: 2 T (<class '__main__.T'>, <class '__main__.A'>, <class 'object'>) __main__
print(type(1), type(T), type(type))  # expect: <class 'int'> <class 'type'> <class 'type'>
class Outer:
    class Inner:
        def meth(self): pass
print(Outer.Inner.__qualname__, Outer.Inner.meth.__qualname__, Outer.__module__)  # expect: Outer.Inner Outer.Inner.meth __main__
class Doc:
    "docstring"
print(Doc.__doc__, A.__doc__)  # expect: docstring None
print(A.__bases__, object.__bases__, D.__base__)  # expect: (<class 'object'>,) () <class '__main__.B'>
