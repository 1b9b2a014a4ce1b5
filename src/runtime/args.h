// Argument parsing for native functions (see NativeFn in object.h).
//
//   Value out[4];
//   if (!parse_args(ts, "print", args, nargs, kwnames, {"sep", "end", "file", "flush"}, 0, 0, out))
//     return Value::null();
//
// Positional arguments fill `names` in order; keyword arguments fill by
// name; missing ones stay null. Errors use CPython's wording
// ("f() takes at most 2 arguments (3 given)", "f() got an unexpected keyword
// argument 'x'", "f() missing required argument 'x' (pos 1)").
#pragma once

#include <initializer_list>

#include "runtime/object.h"

namespace gilvm {

// `min_args`: how many of `names` are required. `max_positional`: how many
// may be given positionally (the rest are keyword-only); -1 = all.
bool parse_args(ThreadState& ts, const char* fname, const Value* args, size_t nargs, Tuple* kwnames,
                std::initializer_list<const char*> names, size_t min_args, int max_positional,
                Value* out);
// For functions taking positional arguments only: checks the count and that
// no keywords were passed.
bool check_positional(ThreadState& ts, const char* fname, size_t nargs, Tuple* kwnames,
                      size_t min_args, size_t max_args);

}  // namespace gilvm
