# Issue 15 (audit): str padding methods with huge widths raise MemoryError
# as CPython does instead of aborting in the allocator.
for name, f in [("center", lambda: "a".center(2 ** 62)),
                ("ljust", lambda: "a".ljust(2 ** 62)),
                ("rjust", lambda: "a".rjust(2 ** 62, "x")),
                ("zfill", lambda: "-1".zfill(2 ** 62)),
                ("center wide fill", lambda: "a".center(2 ** 61, "\u20ac"))]:
    try:
        f()
        print(name, "no error")
    except MemoryError:
        print(name, "MemoryError")
print("a".center(5, "*"), "-7".zfill(4), "b".rjust(3, "\u20ac"))
# expect: center MemoryError
# expect: ljust MemoryError
# expect: rjust MemoryError
# expect: zfill MemoryError
# expect: center wide fill MemoryError
# expect: **a** -007 €€b
