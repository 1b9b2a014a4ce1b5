# Rich comparisons, reflected fallbacks, __eq__/__hash__, __bool__/__len__.
class C:
    def __init__(s, v): s.v = v
    def __lt__(s, o): print("lt", s.v, o.v); return s.v < o.v
    def __eq__(s, o): return s.v == o.v
c1, c2 = C(1), C(2)
print(c1 < c2)
# expect: lt 1 2
# expect: True
print(c2 > c1)
# expect: lt 1 2
# expect: True
print(c1 == C(1), c1 != C(1), c1 != c2)  # expect: True False True
try:
    hash(c1)
except TypeError as e:
    print(e)  # expect: unhashable type: 'C'
try:
    {c1}
except TypeError as e:
    print(e)  # expect: unhashable type: 'C'
print(C.__hash__)  # expect: None

class H:
    def __eq__(s, o): return True
    def __hash__(s): return 5
print(hash(H()), len({H(), H()}))  # expect: 5 1

class Plain: pass
a = Plain()
print(a == a, a != Plain(), hash(a) == hash(a))  # expect: True True True
try:
    a < Plain()
except TypeError as e:
    print(e)  # expect: '<' not supported between instances of 'Plain' and 'Plain'

class Rev:
    def __init__(s, v): s.v = v
    def __gt__(s, o): return "Rev.__gt__"
print(1 < Rev(0), Rev(0) > 1)  # expect: Rev.__gt__ Rev.__gt__

import functools
@functools.total_ordering
class Ver:
    def __init__(s, v): s.v = v
    def __eq__(s, o): return s.v == o.v
    def __lt__(s, o): return s.v < o.v
print(Ver(1) <= Ver(2), Ver(3) > Ver(2), Ver(2) >= Ver(2), [x.v for x in sorted([Ver(3), Ver(1), Ver(2)])])  # expect: True True True [1, 2, 3]

class L:
    def __len__(s): return 3
print(len(L()), bool(L()))  # expect: 3 True
class B0:
    def __bool__(s): return False
print(bool(B0()), not B0(), "t" if B0() else "f")  # expect: False True f
class BadLen:
    def __len__(s): return -1
try:
    len(BadLen())
except ValueError as e:
    print(e)  # expect: __len__() should return >= 0
class BadBool:
    def __bool__(s): return 1
try:
    bool(BadBool())
except TypeError as e:
    print(e)  # expect: __bool__ should return bool, returned int
