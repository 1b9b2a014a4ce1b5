// Module objects: a name and a dict of globals.
#pragma once

#include <string_view>

#include "runtime/object.h"

namespace gilvm {

struct Module : Object {
  Str* name;
  Dict* dict;
  bool initializing;  // its body is running (an import from it may be circular)
};

inline bool is_module(Value v) { return has_tag(v, Tag::Module); }
inline Module* as_module(Value v) { return static_cast<Module*>(v.as_object()); }

Value module_new(ThreadState& ts, std::string_view name);
// Registers a built-in module factory; `import name` calls it once.
using ModuleInit = Value (*)(ThreadState& ts);

void init_module_type(ThreadState& ts);

}  // namespace gilvm
