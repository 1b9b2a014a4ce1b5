# Importing a module from the script's folder: runs once, attributes, from-import.
import _greeting  # expect: module _greeting initialised
import _greeting as g2
from _greeting import greet, GREETING
print(_greeting.greet("a"), greet("b"), GREETING)  # expect: hello, a hello, b hello
print(_greeting is g2, _greeting.calls, _greeting.__name__)  # expect: True 2 _greeting
import math, sys
print(type(math).__name__, "math" in sys.modules, "_greeting" in sys.modules)
# expect: module True True
try:
    import no_such_module_here
except ImportError as e:
    print(type(e).__name__, e)
# expect: ModuleNotFoundError No module named 'no_such_module_here'
