# A package whose module object is replaced; its __path__ stays reachable.
import sys

_real = sys.modules[__name__]


class Wrapper:
    pass


wrapper = Wrapper()
wrapper.__path__ = _real.__path__
wrapper.__spec__ = getattr(_real, "__spec__", None)  # CPython reads it when importing a submodule
wrapper.top = "top"
sys.modules[__name__] = wrapper
