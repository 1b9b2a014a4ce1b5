// The `builtins` module: print, len, range, isinstance, ...
#pragma once

#include <cstddef>

#include "runtime/object.h"

namespace gilvm {

// Creates the builtins module, fills interp->builtins and registers the
// built-in types (int, str, ...) and exception classes in it.
void init_builtins_module(ThreadState& ts);

// Argument-count checks worded as CPython's built-in functions word them;
// `name` is what the message shows ("len", "math.sqrt"). Each returns false
// with a TypeError pending.
//   "len() takes exactly one argument (0 given)", "len() takes no keyword arguments"
bool check_one_arg(ThreadState& ts, const char* name, size_t nargs, Tuple* kwnames);
//   "time.time() takes no arguments (1 given)"
bool check_no_args(ThreadState& ts, const char* name, size_t nargs, Tuple* kwnames);
//   "divmod expected 2 arguments, got 1", "getattr expected at least 2 arguments, got 1"
bool check_arg_range(ThreadState& ts, const char* name, size_t nargs, Tuple* kwnames,
                     size_t min_args, size_t max_args);

// isinstance(obj, cls) with its hooks (ABCs' __instancecheck__, tuples of
// classes): 1 or 0, -1 with an exception pending.
int isinstance_value(ThreadState& ts, Value obj, Value cls);

}  // namespace gilvm
