# Found by the libFuzzer target (docs/fuzzing.md): binding a call with no
# extra positional arguments to a function with *args computed a pointer
# from a null argument array (undefined behaviour; clang's UBSan).
def star(*a):
    return a

def default_then_star(x=1, *a):
    return x, a

def star_and_kw(*a, **k):
    return a, k

class C:
    def m(self, *a):
        return a

print(star(), star(*()), star(*[]), star(**{}))  # expect: () () () ()
print(default_then_star(), default_then_star(*[]), default_then_star(**{}))
# expect: (1, ()) (1, ()) (1, ())
print(star_and_kw(), star_and_kw(**{}), star_and_kw(*(), **{}))  # expect: ((), {}) ((), {}) ((), {})
print(C().m(), C.m(C()), C().m(*()))  # expect: () () ()
print(list(map(star, [])), sorted([], key=star))  # expect: [] []
