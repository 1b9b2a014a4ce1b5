# Imports from objects that are not modules (a module replaced itself in
# sys.modules): `import`, `from ... import`, `from ... import *` and
# submodules of a replaced package. These crashed gilvm (MicroPython's
# tests/basics does this); CPython handles each through attributes.
import sys
sys.path.insert(0, sys.path[0] + "/modules")

import replaces_itself
print(type(replaces_itself).__name__, replaces_itself.x, replaces_itself.anything)
from replaces_itself import y, other
print(y, other)

ns = {}
exec("from replaces_itself import *", ns)
print(sorted(k for k in ns if not k.startswith("__")))

import replaced_pkg.sub
print(type(sys.modules["replaced_pkg"]).__name__, replaced_pkg.top, replaced_pkg.sub.VALUE)
from replaced_pkg import sub
print(sub.VALUE)


class Plain:
    pass


p = Plain()
p.public = 1
p._private = 2
sys.modules["plain_object"] = p
ns = {}
exec("from plain_object import *", ns)
print(sorted(k for k in ns if not k.startswith("__")))

sys.modules["an_int"] = 42
try:
    exec("from an_int import *", {})
except ImportError as e:
    print("ImportError:", e)
try:
    from an_int import real, nothing_here
except ImportError as e:
    print("ImportError:", e)


class BadAll:
    __name__ = "bad_all"
    __all__ = ["ok", 5]
    ok = 1


sys.modules["bad_all"] = BadAll()
try:
    exec("from bad_all import *", {})
except TypeError as e:
    print("TypeError:", e)

# The expected output, in order:
# expect: Replacement 1 dynamic anything
# expect: 2 dynamic other
# expect: ['x', 'y']
# expect: Wrapper top sub loaded
# expect: sub loaded
# expect: ['public']
# expect: ImportError: from-import-* object has no __dict__ and no __all__
# expect: ImportError: cannot import name 'nothing_here' from '<unknown module name>' (unknown location)
# expect: TypeError: Item in bad_all.__all__ must be str, not int
