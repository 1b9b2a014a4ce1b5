# warnings: warn, filters and actions, catch_warnings(record=True), formatting.
import warnings, sys, io
warnings.warn("plain warning", stacklevel=5)
warnings.warn("deprecated thing", DeprecationWarning, stacklevel=5)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("one")
    warnings.warn("two", RuntimeWarning)
    warnings.warn(FutureWarning("three"))
    warnings.warn("old", DeprecationWarning)
print(len(w), [str(x.message) for x in w], [x.category.__name__ for x in w])
# expect: 4 ['one', 'two', 'three', 'old'] ['UserWarning', 'RuntimeWarning', 'FutureWarning', 'DeprecationWarning']
print(isinstance(w[0].message, UserWarning))  # expect: True
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error")
    except UserWarning as e:
        print('raised', type(e).__name__, e)
    try:
        warnings.warn("rt", RuntimeWarning)
    except RuntimeWarning as e:
        print('raised', type(e).__name__, e)
# expect: raised UserWarning now an error
# expect: raised RuntimeWarning rt
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("ignore")
    warnings.warn("hidden")
print(len(w))  # expect: 0
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("default")
    for i in range(3):
        warnings.warn("repeated", stacklevel=3)
print(len(w))  # expect: 1
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", message="skip me")
    warnings.filterwarnings("error", message="bad.*value", category=RuntimeWarning)
    warnings.warn("Skip me please")
    warnings.warn("keep me")
    try:
        warnings.warn("bad input value", RuntimeWarning)
    except RuntimeWarning as e:
        print('error for', e)
    warnings.warn("bad input value", UserWarning)
# expect: error for bad input value
print([str(x.message) for x in w])  # expect: ['keep me', 'bad input value']
print(warnings.formatwarning("msg", UserWarning, "file.py", 10, "x = 1\n"), end='')
# expect: file.py:10: UserWarning: msg
# expect:   x = 1
buf = io.StringIO()
warnings.showwarning("shown", RuntimeWarning, "f.py", 3, file=buf, line="  pass")
print(repr(buf.getvalue()))  # expect: 'f.py:3: RuntimeWarning: shown\n  pass\n'
with warnings.catch_warnings(action="ignore"):
    warnings.warn("quiet")
print(issubclass(DeprecationWarning, Warning), issubclass(UserWarning, Exception))
# expect: True True

warnings.warn_explicit("explicit one", UserWarning, __file__, 1)
# No frame is found for a stacklevel past the module: 'sys', line 1.
# expect-error: sys:1: UserWarning: plain warning
# expect-error: warnings_module.py:1: UserWarning: explicit one
# expect-error:   # warnings: warn, filters and actions
# expect-exit: 0
