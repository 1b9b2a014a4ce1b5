from ..mod import y as yy
from . import parent_pkg
from .. import mod
def where(): return __name__
