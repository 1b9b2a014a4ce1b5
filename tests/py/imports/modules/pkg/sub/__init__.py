from .. import PKG as parent_pkg
