# import forms, packages, relative imports, circular imports, errors.
# Helpers live in ./modules (the test runner skips that folder).
import sys
sys.path.insert(0, sys.path[0] + "/modules")
import simple  # expect: simple loaded simple
import simple as s2
print(simple is s2, simple.X, s2.hello(), simple.__name__, "simple" in sys.modules)  # expect: True 1 hello simple True
from simple import X, hello
print(X, hello())  # expect: 1 hello
from withall import *
print(a, _b)  # expect: 1 2
try:
    print(c)
except NameError as e:
    print(e)  # expect: name 'c' is not defined
from simple import *
print(hello())  # expect: hello
try:
    _private
except NameError as e:
    print(e)  # expect: name '_private' is not defined

import pkg.sub.deep
# expect: pkg init pkg pkg
# expect: pkg.mod loaded pkg.mod pkg
print(pkg.sub.deep.yy, pkg.sub.deep.parent_pkg, pkg.sub.deep.where(), pkg.sub.parent_pkg, pkg.mod.y, pkg.y)  # expect: y pkg pkg.sub.deep pkg y y
import pkg.sub.deep as d
print(d.where(), d.mod.__name__)  # expect: pkg.sub.deep pkg.mod
from pkg.sub import deep
print(deep is d)  # expect: True
from pkg import mod as m2
print(m2.__name__, type(m2).__name__, m2.__package__, pkg.__package__)  # expect: pkg.mod module pkg pkg

import circ_a
# expect: a start
# expect: b start
# expect: b sees a has A: False
# expect: a end B
print(circ_a.A)  # expect: A
try:
    import circ_c
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])  # expect: ImportError cannot import name 'C' from partially initialized module 'circ_c'

try:
    import nope
except ModuleNotFoundError as e:
    print(e, e.name)  # expect: No module named 'nope' nope
try:
    from simple import nothere
except ImportError as e:
    print(str(e).replace(sys.path[0], "DIR"), e.name)  # expect: cannot import name 'nothere' from 'simple' (DIR/simple.py) simple
try:
    import pkg.nothere
except ImportError as e:
    print(type(e).__name__, e)  # expect: ModuleNotFoundError No module named 'pkg.nothere'
try:
    import simple.sub
except ImportError as e:
    print(type(e).__name__, e)  # expect: ModuleNotFoundError No module named 'simple.sub'; 'simple' is not a package
try:
    import bad_import
except ImportError as e:
    print(e)  # expect: No module named 'nope_nope'
print("bad_import" in sys.modules)  # expect: False

print(__name__)  # expect: __main__
if __name__ == "__main__":
    print("run as a script")  # expect: run as a script
m = __import__("simple"); print(m.X)  # expect: 1
m = __import__("pkg.sub.deep"); print(m.__name__)  # expect: pkg
m = __import__("pkg.sub.deep", fromlist=["where"]); print(m.__name__)  # expect: pkg.sub.deep
print(simple.__file__.endswith("simple.py"), pkg.__path__[0].endswith("pkg"))  # expect: True True
try:
    from . import x
except ImportError as e:
    print(e)  # expect: attempted relative import with no known parent package
