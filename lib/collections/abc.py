"""collections.abc: CPython's abstract base classes (from _collections_abc).

gilvm's collections package is its own (lib/collections/__init__.py), so
this submodule re-exports CPython's _collections_abc, as CPython's own
collections/abc.py does, and registers gilvm's deque, which CPython's
collections/__init__.py would register.
"""

from _collections_abc import *
from _collections_abc import __all__
from _collections_abc import _CallableGenericAlias

from collections import deque as _deque

MutableSequence.register(_deque)
del _deque
