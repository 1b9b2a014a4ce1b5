# Subclassing built-in types.
class MyList(list):
    def total(s): return sum(s)
    def append(s, x): super().append(x * 2)
m = MyList([1, 2]); m.append(3)
print(m, m.total(), len(m), type(m).__name__, isinstance(m, list), m[1:], type(m[1:]).__name__)  # expect: [1, 2, 6] 9 3 MyList True [2, 6] list
m.tag = "t"; print(m.tag, m + [1], type(m + [1]).__name__, repr(m))  # expect: t [1, 2, 6, 1] list [1, 2, 6]

class MyDict(dict):
    def __missing__(s, k): return k * 2
d = MyDict(a=1)
print(d["a"], d["zz"], d.get("q"), "zz" in d, d)  # expect: 1 zzzz None False {'a': 1}
class Counter(dict):
    def __missing__(s, k): return 0
c = Counter(); c["x"] += 1; c["x"] += 1; print(c)  # expect: {'x': 2}

class MyStr(str):
    def shout(s): return s.upper() + "!"
s = MyStr("hi")
print(s.shout(), s + "x", type(s + "x").__name__, s == "hi", hash(s) == hash("hi"), {s: 1}["hi"], repr(s), f"{s:>5}")  # expect: HI! hix str True True 1 'hi'    hi

class MyInt(int):
    def double(s): return s * 2
i = MyInt(21)
print(i.double(), i + 1, type(i + 1).__name__, i == 21, repr(i), str(i), MyInt("7"), MyInt(), f"{i:04d}", [0, 1, 2][MyInt(1)])  # expect: 42 22 int True 21 21 7 0 0021 1
print(type(MyInt.from_bytes(b"\x01", "big")).__name__, MyInt.from_bytes(b"\x01\x00", "little"))  # expect: MyInt 1

class MyFloat(float):
    def __repr__(s): return "MyFloat(" + super().__repr__() + ")"
print(MyFloat(1.5), MyFloat(1.5) * 2, str(MyFloat(2.0)))  # expect: MyFloat(1.5) 3.0 MyFloat(2.0)

class MySet(set): pass
ms = MySet([1, 2]); print(ms, ms | {3}, type(ms | {3}).__name__)  # expect: MySet({1, 2}) {1, 2, 3} set
class MyFrozen(frozenset): pass
print(MyFrozen([1]), type(MyFrozen([1])).__name__)  # expect: MyFrozen({1}) MyFrozen
class MyBytes(bytes): pass
print(MyBytes(b"ab"), len(MyBytes(b"ab")))  # expect: b'ab' 2

class ListInit(list):
    def __init__(s, *a, extra=0):
        super().__init__(*a); s.extra = extra
li = ListInit([1], extra=5); print(li, li.extra)  # expect: [1] 5
class LenList(list):
    def __len__(s): return 99
print(len(LenList([1])), bool(LenList()))  # expect: 99 True
class EqList(list):
    def __eq__(s, o): return "eq"
print(EqList() == [], [] == EqList())  # expect: eq eq
class Stack(list):
    def __new__(cls, *a):
        inst = super().__new__(cls)
        inst.created = True
        return inst
st = Stack([1, 2]); print(st, st.created)  # expect: [1, 2] True

# Exceptions with extra state.
class MyError(Exception):
    def __init__(s, msg, code):
        super().__init__(msg, code)
        s.code = code
    def __str__(s): return f"MyError[{s.code}]: {s.args[0]}"
try:
    raise MyError("bad", 42)
except MyError as e:
    print(e, e.args, e.code, repr(e))  # expect: MyError[42]: bad ('bad', 42) 42 MyError('bad', 42)
class E2(ValueError): pass
try:
    raise E2("x", 1)
except ValueError as e:
    print(e, repr(e), e.args)  # expect: ('x', 1) E2('x', 1) ('x', 1)
class E3(Exception):
    def __init__(s, x): s.x = x
e = E3(5); print(e.args, e.x, str(e), repr(e))  # expect: (5,) 5 5 E3(5)
class E4(Exception): pass
print(str(E4()), repr(E4()), str(E4(1)), repr(E4(1, 2)))  # expect:  E4() 1 E4(1, 2)
class KeyErr(KeyError): pass
try:
    raise KeyErr("k")
except KeyError as e:
    print(str(e), repr(e))  # expect: 'k' KeyErr('k')
print(MyError.__mro__)  # expect: (<class '__main__.MyError'>, <class 'Exception'>, <class 'BaseException'>, <class 'object'>)
