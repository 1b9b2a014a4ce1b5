// The import system: built-in (native) modules and modules found as .py
// files on sys.path, cached in sys.modules.
#pragma once

#include "runtime/object.h"

namespace gilvm {

// `import name` (fromlist None: returns the top-level package) and
// `from name import ...` / `import a.b as c` (fromlist set: returns the
// leaf module). `level` > 0 is a relative import from `globals`' package.
Value import_name(ThreadState& ts, Str* name, Dict* globals, Value fromlist, int64_t level);
Value import_from(ThreadState& ts, Value module, Str* name);
bool import_star(ThreadState& ts, Value module, Dict* target);
// Imports a module by its full dotted name, returning the leaf module.
Value import_module(ThreadState& ts, std::string_view name);

// Runs `source` as the __main__ module. Returns false with an exception
// pending (a SyntaxError is raised as an exception too).
bool run_main(ThreadState& ts, std::string_view source, const std::string& filename);

}  // namespace gilvm
