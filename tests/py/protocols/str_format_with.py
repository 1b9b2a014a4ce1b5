# __str__/__repr__/__format__ and the context-manager protocol.
class F:
    def __str__(s): return "str!"
    def __repr__(s): return "repr!"
    def __format__(s, spec): return "fmt[" + spec + "]"
f = F()
print(f, str(f), repr(f), f"{f}", f"{f!r}", f"{f!s}", f"{f:>10}", format(f, "x"), "{:abc}".format(f))  # expect: str! str! repr! fmt[] repr! str! fmt[>10] fmt[x] fmt[abc]
print([f], (f,), {1: f}, "%s %r" % (f, f))  # expect: [repr!] (repr!,) {1: repr!} str! repr!
class NoFmt: pass
try:
    format(NoFmt(), "x")
except TypeError as e:
    print(e)  # expect: unsupported format string passed to NoFmt.__format__
class OnlyRepr:
    def __repr__(s): return "R"
print(OnlyRepr(), str(OnlyRepr()), f"{OnlyRepr()}", format(OnlyRepr(), ""))  # expect: R R R R

class CM:
    def __init__(s, n, sup=False): s.n = n; s.sup = sup
    def __enter__(s): print("enter", s.n); return s.n
    def __exit__(s, t, v, tb):
        print("exit", s.n, t.__name__ if t else None, v)
        return s.sup
with CM(1) as a, CM(2) as b:
# expect: enter 1
# expect: enter 2
    print("body", a, b)
    # expect: body 1 2
    # expect: exit 2 None None
    # expect: exit 1 None None
with CM(1, True):
# expect: enter 1
# expect: exit 1 ValueError x
    raise ValueError("x")
print("after suppression")  # expect: after suppression
try:
    with CM(1), CM(2, True), CM(3):
    # expect: enter 1
    # expect: enter 2
    # expect: enter 3
    # expect: exit 3 KeyError 'k'
    # expect: exit 2 KeyError 'k'
    # expect: exit 1 None None
        raise KeyError("k")
    print("suppressed by the middle manager")  # expect: suppressed by the middle manager
except KeyError:
    print("not suppressed")

class BadExit:
    def __enter__(s): return s
    def __exit__(s, *a): raise RuntimeError("in exit")
try:
    with BadExit():
        raise ValueError("orig")
except RuntimeError as e:
    print(repr(e), repr(e.__context__))  # expect: RuntimeError('in exit') ValueError('orig')

def early():
    with CM("ret"):
        return "returned"
print(early())
# expect: enter ret
# expect: exit ret None None
# expect: returned
for i in range(2):
    with CM(i):
    # expect: enter 0
    # expect: exit 0 None None
    # expect: enter 1
    # expect: exit 1 None None
        if i == 0:
            continue
        break

try:
    with 5:
        pass
except TypeError as e:
    print(e)  # expect: 'int' object does not support the context manager protocol
class OnlyEnter:
    def __enter__(s): pass
try:
    with OnlyEnter():
        pass
except TypeError as e:
    print(e)  # expect: 'OnlyEnter' object does not support the context manager protocol (missed __exit__ method)
