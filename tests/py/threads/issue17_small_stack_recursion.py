# Issue 17: native recursion in a thread with a small stack raises
# RecursionError, as in CPython, at every threading.stack_size, and in the
# main thread; freeing a deep structure does not overflow either.
import copy
import json
import pickle
import threading


class R:
    def __repr__(self):
        return repr(self)


class E:
    def __eq__(self, other):
        return self == other

    __hash__ = object.__hash__


class H:
    def __hash__(self):
        return hash(self)


class S:
    def __str__(self):
        return str(self)


def nested_list(n):
    x = []
    for _ in range(n):
        x = [x]
    return x


def nested_dict(n):
    x = {}
    for _ in range(n):
        x = {"a": x}
    return x


DEEP = 100000
CASES = [
    ("repr(self)", lambda: repr(R())),
    ("__eq__", lambda: E() == E()),
    ("__hash__", lambda: hash(H())),
    ("__str__", lambda: str(S())),
    ("repr of a deep list", lambda: repr(nested_list(DEEP))),
    ("str of a deep dict", lambda: str(nested_dict(DEEP))),
    ("== of deep lists", lambda: nested_list(DEEP) == nested_list(DEEP)),
    ("json.dumps", lambda: json.dumps(nested_list(DEEP))),
    ("pickle.dumps", lambda: pickle.dumps(nested_list(DEEP))),
    ("deepcopy", lambda: copy.deepcopy(nested_list(DEEP))),
]


def run_cases(out):
    for name, fn in CASES:
        try:
            fn()
            out.append(name + ": no error")
        except RecursionError:
            out.append(name + ": RecursionError")
    x = nested_list(10 * DEEP)
    del x
    out.append("dealloc: ok")


def in_thread(size):
    threading.stack_size(size)
    out = []
    t = threading.Thread(target=run_cases, args=(out,))
    t.start()
    t.join()
    threading.stack_size(0)
    return out


expected = [name + ": RecursionError" for name, _ in CASES] + ["dealloc: ok"]
main = []
run_cases(main)
print("main thread", main == expected or main)  # expect: main thread True
for kib in (512, 768, 1024, 2048):
    got = in_thread(kib * 1024)
    print(kib, "KiB", got == expected or got)
# expect: 512 KiB True
# expect: 768 KiB True
# expect: 1024 KiB True
# expect: 2048 KiB True
