// Entry points into the eval loop for the rest of the runtime.
#pragma once

#include "runtime/object.h"

namespace gilvm {

struct Function;
struct Code;
struct Dict;

// Calls a Python function object (vectorcall convention, see NativeFn):
// binds arguments to parameters (raising TypeError as CPython does for
// missing/unexpected arguments) and runs the body, or creates a generator
// for generator functions.
Value call_function(ThreadState& ts, Function* func, const Value* args, size_t nargs, Tuple* kwnames);

// Runs a module-level code object with `globals` (and `locals`, which may be
// the same dict) and returns its result (None for modules).
Value run_code(ThreadState& ts, Code* code, Dict* globals, Dict* locals);

}  // namespace gilvm
