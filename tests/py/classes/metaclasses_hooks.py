# Metaclasses, __init_subclass__, __class_getitem__.
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns["made_by"] = mcs.__name__
        return super().__new__(mcs, name, bases, ns)
    def __call__(cls, *a, **k):
        print("Meta call", cls.__name__, a)
        return super().__call__(*a, **k)
    def __init__(cls, name, bases, ns):
        print("Meta init", name)
        super().__init__(name, bases, ns)
class WithMeta(metaclass=Meta):
# expect: Meta init WithMeta
    def __init__(self, x): self.x = x
w = WithMeta(3)  # expect: Meta call WithMeta (3,)
print(w.x, WithMeta.made_by, type(WithMeta).__name__)  # expect: 3 Meta Meta
class Sub(WithMeta): pass  # expect: Meta init Sub
print(type(Sub).__name__, isinstance(Sub, Meta), issubclass(Meta, type))  # expect: Meta True True

class FlagMeta(type):
    def __new__(m, name, bases, ns, flag=False):
        c = super().__new__(m, name, bases, ns)
        c.flag = flag
        return c
    def __init__(cls, name, bases, ns, flag=False):
        super().__init__(name, bases, ns)
class F(metaclass=FlagMeta, flag=True): pass
print(F.flag)  # expect: True

class CMeta(type):
    def __repr__(cls): return "<CMeta " + cls.__name__ + ">"
class CC(metaclass=CMeta): pass
print(CC, repr(CC))  # expect: <CMeta CC> <CMeta CC>

class Base:
    subs = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.subs.append((cls.__name__, tag))
class K1(Base, tag="k1"): pass
class K2(K1): pass
print(Base.subs)  # expect: [('K1', 'k1'), ('K2', None)]
try:
    class Bad(unknown="x"): pass
except TypeError as e:
    print(e)  # expect: Bad.__init_subclass__() takes no keyword arguments

class Reg:
    registry = {}
    def __init_subclass__(cls, /, key, **kw):
        super().__init_subclass__(**kw)
        Reg.registry[key] = cls.__name__
class R1(Reg, key="one"): pass
print(Reg.registry)  # expect: {'one': 'R1'}

class CG:
    def __class_getitem__(cls, item): return f"{cls.__name__}[{item.__name__}]"
class CG2(CG): pass
print(CG[int], CG2[str])  # expect: CG[int] CG2[str]
