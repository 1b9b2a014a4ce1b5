# Evil input: must fail cleanly (an exception, never a crash).
class A:
    def __eq__(self, o): return self == o
    def __getattr__(self, n): return getattr(self, n)
    def __add__(self, o): return self + o
    def __len__(self): return len(self)
    def __iter__(self): return iter(self)
    def __str__(self): return str(self)
    def __hash__(self): return hash(self)
    def __getitem__(self, k): return self[k]
for name, fn in [("eq", lambda: A() == 1), ("getattr", lambda: A().x), ("add", lambda: A() + 1),
                 ("len", lambda: len(A())), ("iter", lambda: iter(A())), ("str", lambda: str(A())),
                 ("hash", lambda: hash(A())), ("getitem", lambda: A()[0]), ("format", lambda: f"{A()}")]:
    try:
        fn()
        print(name, "no error")
    except RecursionError:
        print(name, "RecursionError")
class B:
    @property
    def p(self): return self.p
try:
    B().p
except RecursionError:
    print("property RecursionError")
class C:
    def __init__(self): C()
try:
    C()
except RecursionError:
    print("init RecursionError")
# expect: eq RecursionError
# expect: getattr RecursionError
# expect: add RecursionError
# expect: len RecursionError
# expect: iter RecursionError
# expect: str RecursionError
# expect: hash RecursionError
# expect: getitem RecursionError
# expect: format RecursionError
# expect: property RecursionError
# expect: init RecursionError
