# A module that puts another object in its place in sys.modules, as some
# libraries do to offer a module with properties or __getattr__.
import sys


class Replacement:
    __all__ = ["x", "y"]
    x = 1
    y = 2
    z = 3

    def __getattr__(self, name):
        return "dynamic " + name


sys.modules[__name__] = Replacement()
